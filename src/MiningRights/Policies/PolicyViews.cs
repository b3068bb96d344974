namespace MiningRights.Policies;

/// <summary>A rule as the API and the policies page show it: where it is written, what it says, where and when it is in force, and the rulebook it was read from.</summary>
public sealed record RuleView(
    string Id,
    string Issuer,
    string IssuerNameZh,
    string IssuerNameEn,
    string? DocumentNumber,
    string ItemZh,
    string ItemEn,
    string SummaryZh,
    string SummaryEn,
    string SourceZh,
    string SourceEn,
    DateOnly InForceFrom,
    DateOnly InForceUntil,
    IReadOnlyList<string> Provides,
    RuleScope? AppliesTo,
    IReadOnlyList<string> Parameters,
    string RulebookId,
    string RulebookHash)
{
    public static RuleView Of(PolicyRule r) => new(r.Id, r.Issuer, r.IssuerName.Zh, r.IssuerName.En, r.Document?.Number, r.Item.Zh, r.Item.En,
        r.SummaryZh, r.SummaryEn, r.SourceZh, r.SourceEn, r.InForceFrom, r.InForceUntil, r.Provides, r.AppliesTo,
        [.. r.Parameters.Select(p => p.Name)], r.RulebookId, r.RulebookHash);
}

/// <summary>A parameter's value in force in a province on a day, with the rule that defines it and whether the configuration set it.</summary>
public sealed record ParameterView(string Name, string Unit, string Value, string Default, decimal? Min, decimal? Max, string? RuleId, bool Configured, string SummaryZh, string SummaryEn)
{
    public static ParameterView Of(ParameterValue v) => new(v.Definition.Name, v.Definition.Unit, v.Shown,
        ParameterUnits.Show(ParameterUnits.Read(v.Definition, v.Definition.Default, out _)!), v.Definition.Min, v.Definition.Max, v.RuleId, v.Configured,
        v.Definition.Summary.Zh, v.Definition.Summary.En);
}

/// <summary>A rulebook in force in the service: its file, hash, window, where it came from, and how many rules it has.</summary>
public sealed record RulebookView(string Id, string Issuer, string IssuerNameZh, string IssuerNameEn, string File, string ContentHash, string Origin, DateOnly ValidFrom, DateOnly ValidUntil, int Rules)
{
    public static RulebookView Of(LoadedRulebook b) => new(b.Rulebook.Id, b.Rulebook.Issuer, b.Rulebook.IssuerName.Zh, b.Rulebook.IssuerName.En, b.File,
        b.ContentHash, b.Origin, b.Rulebook.ValidFrom, b.Rulebook.ValidUntil, b.Rules.Count);
}

/// <summary>
/// Which rules and parameter values are in force where and when: for a province and a day, its rules and the national
/// ones in force that day and the parameters' values; without them, every rule of every rulebook.
/// </summary>
public sealed record PolicyListing(string? Province, DateOnly? On, IReadOnlyList<RuleView> Rules, IReadOnlyList<ParameterView> Parameters, IReadOnlyList<RulebookView> Rulebooks);
