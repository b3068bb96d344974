namespace MiningRights.Rights;

public enum RightStatus
{
    /// <summary>In force (有效).</summary>
    Active = 1,

    /// <summary>A two-year provisional mining licence under GS-9e (过渡期采矿许可证).</summary>
    Provisional = 2,

    /// <summary>The provisional licence ran out without an approved plan (失效).</summary>
    Lapsed = 3,

    /// <summary>The term ended (到期).</summary>
    Expired = 4,

    /// <summary>Taken back by the authority (收回).</summary>
    Withdrawn = 5,

    /// <summary>Exploration or mining suspended by the authority's disposition of a case (暂停).</summary>
    Suspended = 6,
}
