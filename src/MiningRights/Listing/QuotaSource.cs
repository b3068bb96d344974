namespace MiningRights.Listing;

/// <summary>Where the quota a planned block uses came from.</summary>
public enum QuotaSource
{
    /// <summary>Not in a plan yet.</summary>
    None = 0,

    /// <summary>The city's or county's own annual quota.</summary>
    Local = 1,

    /// <summary>The provincial reserve, drawn because the local quota was short (ZJ-25).</summary>
    ProvincialReserve = 2,

    /// <summary>Outside the plan altogether (ZJ-25: not limited by the annual plan), with no quota left anywhere.</summary>
    Exempt = 3,
}
