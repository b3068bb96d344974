namespace MiningRights.Listing;

public enum ObjectionDecision
{
    /// <summary>The objection holds: the transfer cannot be approved as disclosed.</summary>
    Upheld = 1,

    /// <summary>The objection does not hold.</summary>
    Dismissed = 2,
}
