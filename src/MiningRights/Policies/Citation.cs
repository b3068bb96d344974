namespace MiningRights.Policies;

/// <summary>
/// The rules an act cites, as they were on the day of the act: its own rule first (where one reaches the subject), then
/// the others of its process. <see cref="Text"/> is what is stored with the act, pinned to each rulebook's hash.
/// </summary>
public sealed record Citation(IReadOnlyList<PolicyRule> Rules)
{
    /// <summary>Longest stored citation text.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The rule the act names first: the journal's and the notice's rule ID.</summary>
    public string RuleId => Rules[0].Id;

    public IEnumerable<string> RuleIds => Rules.Select(r => r.Id);

    /// <summary>Each rule with its source in Chinese and English and the rulebook it was read from, e.g. <c>GS-10b 《…》第10条 / …, item 10 [gansu-2024 3f2a…]</c>.</summary>
    public string Text
    {
        get
        {
            var text = string.Join("；", Rules.Select(r => $"{r.Id} {r.SourceZh} / {r.SourceEn} [{r.RulebookId} {r.RulebookHash[..Math.Min(12, r.RulebookHash.Length)]}]"));
            return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        }
    }

    public string Summary(string language) =>
        string.Join(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "；" : "; ",
            Rules.Select(r => $"{r.Id} {(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? r.SummaryZh : r.SummaryEn)}"));

    public string Sources(string language) =>
        string.Join(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "；" : "; ",
            Rules.Select(r => $"{r.Id}: {(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? r.SourceZh : r.SourceEn)}"));
}
