using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Listing;

namespace MiningRights.Listing;

public sealed class DisclosureObjectionConfiguration : IEntityTypeConfiguration<DisclosureObjection>
{
    public void Configure(EntityTypeBuilder<DisclosureObjection> builder)
    {
        builder.ToTable("DisclosureObjections");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Objector).HasMaxLength(200);
        builder.Property(o => o.Grounds).HasMaxLength(4000);
        builder.Property(o => o.RecordedBy).HasMaxLength(256);
        builder.Property(o => o.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.DecisionReasons).HasMaxLength(4000);
        builder.Property(o => o.DecidedBy).HasMaxLength(256);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.InstanceId);
        builder.HasOne<TransferBlock>().WithMany().HasForeignKey(o => o.BlockId).OnDelete(DeleteBehavior.Restrict);
    }
}
