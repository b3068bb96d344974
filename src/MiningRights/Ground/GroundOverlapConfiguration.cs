using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Listing;

namespace MiningRights.Ground;

public sealed class GroundOverlapConfiguration : IEntityTypeConfiguration<GroundOverlap>
{
    public void Configure(EntityTypeBuilder<GroundOverlap> builder)
    {
        builder.ToTable("GroundOverlaps");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.OtherKind).HasMaxLength(16);

        // One row a pair: the map reads a page's blocks' overlaps by the first block, and a second recording of the same
        // pair would fail here rather than draw it twice.
        builder.HasIndex(o => new { o.BlockId, o.OtherKind, o.OtherId }).IsUnique();
    }
}
