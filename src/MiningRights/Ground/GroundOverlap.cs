namespace MiningRights.Ground;

/// <summary>
/// Where two footprints share ground (more than touching), found when the later of the two was written and kept, so
/// that the block pool's map reads overlaps instead of intersecting every pair of polygons at each view. One row per
/// pair of footprints at least one of which is a block's, whatever becomes of the block or the right later: footprints
/// never change, so the overlap stays true, and whether the pool shows it (a live block, a right in force) is decided
/// when it is read.
/// </summary>
public sealed class GroundOverlap
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The block drawn first: of two blocks, the one the pool lists first (priority minerals, then code).</summary>
    public required Guid BlockId { get; init; }

    /// <summary><see cref="Footprint.BlockOwner"/> or <see cref="Footprint.RightOwner"/>.</summary>
    public required string OtherKind { get; init; }

    public required Guid OtherId { get; init; }

    public decimal AreaKm2 { get; init; }

    /// <summary>The shared interior as the GeoJSON MultiPolygon the map draws in red.</summary>
    public required string GeoJson { get; init; }

    public DateTime RecordedAtUtc { get; init; }
}
