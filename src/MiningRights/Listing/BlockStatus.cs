namespace MiningRights.Listing;

public enum BlockStatus
{
    /// <summary>In the pool (项目库), not yet in an annual plan.</summary>
    Pool = 1,

    /// <summary>In an annual transfer plan, ready to be announced or transferred by agreement.</summary>
    Planned = 2,

    /// <summary>Announced, transacted, under contract or being paid: a transfer workflow runs on it.</summary>
    InTransfer = 3,

    /// <summary>Registered as a right, which now holds its ground.</summary>
    Registered = 4,

    /// <summary>Taken out of the pool by the authority.</summary>
    Withdrawn = 5,
}
