namespace MiningRights.Cases;

public enum CaseStatus
{
    /// <summary>Opened, waiting for the inspector's findings.</summary>
    Open = 1,

    /// <summary>The inspector has recorded findings (查明事实).</summary>
    FindingsRecorded = 2,

    /// <summary>Closed with a disposition.</summary>
    Closed = 3,

    /// <summary>A rectification order (责令整改) runs with its deadline.</summary>
    Rectifying = 4,

    /// <summary>Waiting for the registration authority's disposition.</summary>
    AwaitingDecision = 5,
}
