using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Listing;

namespace MiningRights.Listing;

public sealed class TransferAnnouncementConfiguration : IEntityTypeConfiguration<TransferAnnouncement>
{
    public void Configure(EntityTypeBuilder<TransferAnnouncement> builder)
    {
        builder.ToTable("TransferAnnouncements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TitleZh).HasMaxLength(300);
        builder.Property(a => a.TitleEn).HasMaxLength(300);
        builder.Property(a => a.StartingPrice).HasPrecision(18, 2);
        builder.Property(a => a.Price).HasPrecision(18, 2);
        builder.Property(a => a.TransfereeName).HasMaxLength(400);
        builder.Property(a => a.RuleId).HasMaxLength(16);
        builder.Property(a => a.Contact).HasMaxLength(AnnounceListing.MaxContact);
        builder.HasIndex(a => new { a.PublishedAtUtc, a.Id });
        builder.HasIndex(a => a.BlockId);
        builder.HasOne<TransferBlock>().WithMany().HasForeignKey(a => a.BlockId).OnDelete(DeleteBehavior.Restrict);
    }
}
