namespace MiningRights.Decisions;

/// <summary>
/// How the service numbers decisions: the prefix of each registration authority's numbers (its 发文字号 stem, e.g.
/// <c>Decisions:Prefixes:620000 = 甘自然资矿决</c>), looked up by the authority's code and then its province's; a
/// number reads <c>{prefix}〔{year}〕{serial}号</c>.
/// </summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    public Dictionary<string, string> Prefixes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The prefix used where no authority or province has its own.</summary>
    public string DefaultPrefix { get; init; } = "矿业权决";

    public string PrefixOf(string authorityCode) =>
        Prefixes.TryGetValue(authorityCode, out var own) ? own
        : authorityCode.Length == 6 && Prefixes.TryGetValue(authorityCode[..2] + "0000", out var province) ? province
        : DefaultPrefix;

    public static string Format(string prefix, int year, int serial) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{serial}号");
}
