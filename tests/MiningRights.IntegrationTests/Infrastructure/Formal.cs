using System.Globalization;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>The formalities a decision signal carries besides its own values (issue 23): facts, basis, number, date.</summary>
public static class Formal
{
    public const string Facts = "经核查，矿业权人未按合同约定履行义务，事实清楚。";

    /// <summary><paramref name="values"/> with the decision's formalities: numbered by the service unless <paramref name="number"/> is given, dated today in Shanghai.</summary>
    public static Dictionary<string, string> With(TimeProvider clock, Dictionary<string, string>? values = null, string basis = "GS-10d", string? number = null)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var all = new Dictionary<string, string>(values ?? [], StringComparer.Ordinal)
        {
            ["decision.facts"] = Facts,
            ["decision.basis"] = basis,
            ["decision.decidedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (number is null)
        {
            all["decision.numbering"] = "service";
        }
        else
        {
            all["decision.number"] = number;
        }

        return all;
    }

    /// <summary>The formalities of a decision taken through a use case of its own (a plan returned, a review failed), as its request's <c>formalities</c>.</summary>
    public static object Of(TimeProvider clock, string basis) => new
    {
        basis,
        numbering = "service",
        decidedOn = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
