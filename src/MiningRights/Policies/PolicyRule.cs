namespace MiningRights.Policies;

/// <summary>One rule of a provincial notice, with the window in which the notice was in force.</summary>
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
    /// <summary>The step of a right's life the rule governs, where the service applies it by itself (e.g. registration).</summary>
    public string? Stage { get; init; }

    /// <summary>What applying the rule at its stage means for a right, by case (e.g. "public" or "agreement" transfer).</summary>
    public IReadOnlyDictionary<string, string> Outcomes { get; init; } = new Dictionary<string, string>();

    public bool InForceOn(DateOnly date) => date >= InForceFrom && date <= InForceUntil;
}
