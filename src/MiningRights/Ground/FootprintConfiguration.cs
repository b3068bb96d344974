using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Listing;

namespace MiningRights.Ground;

public sealed class FootprintConfiguration : IEntityTypeConfiguration<Footprint>
{
    public void Configure(EntityTypeBuilder<Footprint> builder)
    {
        builder.ToTable("Footprints");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.OwnerKind).HasMaxLength(16);
        builder.HasIndex(f => new { f.OwnerKind, f.OwnerId }).IsUnique();

        // The overlap check's candidate lookup: boxes whose west edge lies west of the new box's east edge, narrowed
        // by the other three bounds on the rows the index yields.
        builder.HasIndex(f => new { f.MinLongitude, f.MaxLongitude, f.MinLatitude, f.MaxLatitude });

        // Each view of the pool asks whether any ground waits for its overlaps: one probe of this index.
        builder.HasIndex(f => f.OverlapsRecordedAtUtc);

        // The pool's map reads its blocks' boxes from this index alone: in the table they lie behind the polygon's text,
        // which SQLite would read through for every row.
        builder.HasIndex(f => new { f.OwnerKind, f.OwnerId, f.MinLongitude, f.MinLatitude, f.MaxLongitude, f.MaxLatitude }).HasDatabaseName("IX_Footprints_OwnerKind_OwnerId_Box");
    }
}
