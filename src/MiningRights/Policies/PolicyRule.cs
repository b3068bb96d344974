namespace MiningRights.Policies;

/// <summary>One rule of a provincial notice, with the window in which the notice was in force (POLICY.md §3, §6).</summary>
public sealed record PolicyRule(
    string Id,
    string ProvinceCode,
    string SummaryZh,
    string SummaryEn,
    string SourceZh,
    string SourceEn,
    DateOnly InForceFrom,
    DateOnly InForceUntil)
{
    public bool InForceOn(DateOnly date) => date >= InForceFrom && date <= InForceUntil;
}
