using System.Text.Json;

namespace MiningRights.Policies;

/// <summary>
/// A number a rule leaves to the province (a "parameter" of the policy brief): its name, unit, default and bounds. The
/// value in force is the default of the rule in force, replaced by the configuration's <c>Parameters:Defaults</c> and
/// then by <c>Parameters:Provinces:{code}</c>.
/// </summary>
public sealed record ParameterDefinition
{
    /// <summary>Units a parameter may have: whole days, months, years or a count; an hour of the day; a percent; a daily fraction; yuan per km²; a month and day (MM-dd); a list of whole days.</summary>
    public static readonly IReadOnlyList<string> Units = ["days", "months", "years", "count", "hour", "percent", "fraction", "yuanPerKm2", "monthDay", "dayList"];

    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required JsonElement Default { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public required LocalizedText Summary { get; init; }

    /// <summary>Whether the unit counts whole days, so that a definition's deadline may count by it (<c>periodParameter</c>).</summary>
    public bool IsDays => Unit == "days";
}
