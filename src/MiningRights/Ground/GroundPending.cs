namespace MiningRights.Ground;

/// <summary>Ground taken in the caller's unit of work, not saved yet, and the label its overlaps are refused with.</summary>
public sealed record GroundPending(Footprint Footprint, BlockPolygon Polygon, string Label);
