namespace MiningRights.Listing;

/// <summary>
/// The ground a block or a right takes: its polygon (WKT, CGCS2000 longitude/latitude) and bounding box. The overlap
/// check reads candidates by the indexed bounding box, then compares polygons only for those.
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

    public static Footprint Of(string ownerKind, Guid ownerId, BlockPolygon polygon) => new()
    {
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
