namespace MiningRights.Listing;

/// <summary>Combined supply with another use right (ZJ-24).</summary>
public enum CombinedSupply
{
    None = 0,

    /// <summary>Sea-sand mining right with the sea-area use right (海域使用权, "two rights in one").</summary>
    SeaArea = 1,

    /// <summary>Mining right with the construction-land use right (建设用地使用权).</summary>
    ConstructionLand = 2,
}
