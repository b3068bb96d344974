namespace MiningRights.Ground;

/// <summary>Configuration section <c>Listing</c>: what the ground a block or a right asks for may weigh.</summary>
public sealed class ListingOptions
{
    public const string Section = "Listing";

    /// <summary>
    /// Most corners (拐点) one polygon may have, at most <see cref="BlockPolygon.MostCorners"/>. A block's corner list runs to
    /// tens, the most ragged to a few hundred; every corner costs work in each overlap check and weight on every map that
    /// draws the polygon, so a polygon over the cap is refused rather than carried.
    /// </summary>
    public int MaxCorners { get; set; } = 500;
}
