namespace MiningRights.Ground;

/// <summary>
/// The ground a block or a right takes: its polygon (WKT, CGCS2000 longitude/latitude) and bounding box. The overlap
/// check reads candidates by the indexed bounding box, then compares polygons only for those. A footprint is never
/// changed once written, so the overlaps found when it was written stay true.
/// </summary>
public sealed class Footprint
{
    public const string BlockOwner = "block";
    public const string RightOwner = "right";

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary><see cref="BlockOwner"/> or <see cref="RightOwner"/>.</summary>
    public required string OwnerKind { get; init; }

    public required Guid OwnerId { get; init; }

    public required string PolygonWkt { get; init; }

    public decimal AreaKm2 { get; init; }

    public double MinLongitude { get; init; }

    public double MinLatitude { get; init; }

    public double MaxLongitude { get; init; }

    public double MaxLatitude { get; init; }

    /// <summary>
    /// The polygon as the GeoJSON maps draw, written with it so that a map of many polygons reads text instead of
    /// parsing each one; null only for a footprint from before it was kept, until <see cref="GroundCheck.RecordPendingAsync"/>.
    /// </summary>
    public string? GeoJson { get; set; }

    /// <summary>
    /// When the overlaps of this footprint with those recorded before it were stored (<see cref="GroundOverlap"/>); null for
    /// ground written without them (before overlaps were kept, or straight into the database), which
    /// <see cref="GroundCheck.RecordPendingAsync"/> records at the next start or the next view of the pool.
    /// </summary>
    public DateTime? OverlapsRecordedAtUtc { get; set; }

    public static Footprint Of(string ownerKind, Guid ownerId, BlockPolygon polygon) => new()
    {
        GeoJson = polygon.ToGeoJson().ToJsonString(),
        OwnerKind = ownerKind,
        OwnerId = ownerId,
        PolygonWkt = polygon.Wkt,
        AreaKm2 = polygon.AreaKm2,
        MinLongitude = polygon.MinLongitude,
        MinLatitude = polygon.MinLatitude,
        MaxLongitude = polygon.MaxLongitude,
        MaxLatitude = polygon.MaxLatitude,
    };
}
