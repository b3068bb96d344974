using System.Globalization;
using MiningRights.Policies;

namespace MiningRights.Cases;

/// <summary>
/// What the inspectors' queue is narrowed to; every part is optional. <see cref="Read"/> takes the values as the query
/// string gives them and refuses a bad one with a 400 naming its field. Whether the county exists is checked against the
/// jurisdiction tree when the queue is read.
/// </summary>
public sealed record CaseFilter
{
    /// <summary>The longest age a caller can ask for: a hundred years of days.</summary>
    public const int MaxDaysOverdue = 36_500;

    public static readonly CaseFilter None = new();

    public CaseStatus? Status { get; init; }

    /// <summary>A rule ID of the policy catalogue, e.g. GS-9d.</summary>
    public string? RuleId { get; init; }

    /// <summary>1 (low) to 3 (high).</summary>
    public int? Severity { get; init; }

    /// <summary>Only cases at least this many days overdue (see <see cref="CaseQueries"/> for how the days are counted).</summary>
    public int? MinDaysOverdue { get; init; }

    /// <summary>A jurisdiction code: the cases of that county (a city or province code: of every county below it).</summary>
    public string? County { get; init; }

    public Guid? HolderId { get; init; }

    public static CaseFilter Read(CaseStatus? status, string? ruleId, string? severity, string? minDaysOverdue, string? county, string? holderId, Policies.PolicyBook policies) => new()
    {
        Status = status,
        RuleId = Rule(ruleId, policies),
        Severity = Whole(severity, "severity", 1, 3, "severity is 1 (low), 2 or 3 (high).", "severity 取值为 1（低）、2 或 3（高）。"),
        MinDaysOverdue = Whole(minDaysOverdue, "minDaysOverdue", 0, MaxDaysOverdue, $"minDaysOverdue is a whole number of days from 0 to {MaxDaysOverdue}.",
            $"minDaysOverdue 为 0 至 {MaxDaysOverdue} 之间的整数天数。"),
        County = CountyCode(county),
        HolderId = Holder(holderId),
    };

    private static string? Rule(string? text, Policies.PolicyBook policies)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Policies.RulebookLoader.IsRuleId(text) && policies.Knows(text)
            ? text
            : throw RefusalException.Invalid("ruleId", "ruleId is not a rule of the rulebooks (GET /api/policies lists them).",
                "ruleId 不是规则集中的规则（可通过 GET /api/policies 查询全部规则）。");
    }

    private static int? Whole(string? text, string field, int min, int max, string message, string messageZh)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw RefusalException.Invalid(field, message, messageZh);
    }

    private static string? CountyCode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length == 6 && text.All(char.IsAsciiDigit)
            ? text
            : throw RefusalException.Invalid("county", "county is a six-digit administrative division code, e.g. 620923.", "county 为六位行政区划代码，例如 620923。");
    }

    private static Guid? Holder(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Guid.TryParse(text, out var id) ? id : throw RefusalException.Invalid("holderId", "holderId is a holder's id (GUID).", "holderId 为矿业权人的标识（GUID）。");
    }
}
