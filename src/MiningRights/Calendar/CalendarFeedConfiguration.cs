using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Calendar;
using MiningRights.Rights;

namespace MiningRights.Calendar;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.HolderId);
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.Token).IsUnique();
        builder.HasOne<Holder>().WithMany().HasForeignKey(f => f.HolderId).OnDelete(DeleteBehavior.Cascade);
    }
}
