namespace MiningRights.Ground;

/// <summary>A footprint that shares ground with the polygon being written, the polygon read back, and the overlap in km².</summary>
public sealed record GroundSharing(Footprint Footprint, BlockPolygon Polygon, decimal OverlapKm2);
