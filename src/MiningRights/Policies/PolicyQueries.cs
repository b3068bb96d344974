using System.Globalization;

namespace MiningRights.Policies;

/// <summary>Reads the rulebooks for the API and the policies page.</summary>
public sealed class PolicyQueries(PolicyBook policies, TimeProvider time)
{
    /// <summary>
    /// The rules in force in <paramref name="province"/> on <paramref name="on"/> (today when only the province is given)
    /// with the parameters' values there and then; the rules in force anywhere on a day when only the day is given; every
    /// rule when neither is. A malformed province or day is a 400.
    /// </summary>
    public PolicyListing List(string? province, string? on)
    {
        string? code = null;
        if (!string.IsNullOrWhiteSpace(province))
        {
            code = province.Trim();
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                throw RefusalException.Invalid("province", "A province is a six-digit administrative division code such as 620000.", "省份应为六位行政区划代码，例如 620000。");
            }

            code = code[..2] + "0000";
        }

        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(on))
        {
            day = DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw RefusalException.Invalid("on", $"'{Text.Cut(on)}' is not a date written yyyy-MM-dd.", $"“{Text.Cut(on)}”不是 yyyy-MM-dd 格式的日期。");
        }

        if (code is not null)
        {
            day ??= Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        }

        IEnumerable<PolicyRule> rules = policies.Rules;
        if (code is not null)
        {
            rules = policies.InForce(code, day!.Value);
        }
        else if (day is { } only)
        {
            rules = rules.Where(r => r.InForceOn(only));
        }

        var parameters = code is null ? [] : policies.Parameters(code, day!.Value).Values.Values.OrderBy(v => v.Definition.Name, StringComparer.Ordinal).Select(ParameterView.Of).ToList();
        return new PolicyListing(code, day, [.. rules.Select(RuleView.Of)], parameters, [.. policies.Rulebooks.Select(RulebookView.Of)]);
    }
}
