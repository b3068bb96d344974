using System.Globalization;
using System.Text.RegularExpressions;

namespace MiningRights.Time;

/// <summary>
/// A calendar period in ISO 8601 form (P1Y, P2Y, P30D, P1Y6M, P2W). Only date parts: deadlines are dates.
/// Adding years or months to 29 February lands on 28 February when the target year has none.
/// </summary>
public readonly partial record struct IsoPeriod(int Years, int Months, int Days)
{
    public static IsoPeriod FromDays(int days) => new(0, 0, days);

    public static bool TryParse(string? text, out IsoPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success || match.Length == 1)
        {
            return false;
        }

        static int Part(Match m, string name) =>
            m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;

        period = new IsoPeriod(Part(match, "y"), Part(match, "m"), Part(match, "d") + (7 * Part(match, "w")));
        return true;
    }

    public static IsoPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not an ISO 8601 date period such as P1Y or P30D.");

    public DateOnly AddTo(DateOnly date) => date.AddMonths((Years * 12) + Months).AddDays(Days);

    public override string ToString()
    {
        var text = "P";
        if (Years != 0)
        {
            text += $"{Years}Y";
        }

        if (Months != 0)
        {
            text += $"{Months}M";
        }

        if (Days != 0 || text == "P")
        {
            text += $"{Days}D";
        }

        return text;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d{1,3})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
