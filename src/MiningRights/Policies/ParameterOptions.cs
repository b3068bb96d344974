using Microsoft.Extensions.Configuration;

namespace MiningRights.Policies;

/// <summary>
/// Configuration section <c>Parameters</c>: values that replace a rulebook's defaults, for every province
/// (<c>Parameters:Defaults:{Name}</c>) and for one (<c>Parameters:Provinces:{code}:{Name}</c>). A list is given as its
/// items (<c>ReminderDaysBefore:0</c>, <c>:1</c>, ...) or as one comma-separated value, and replaces the list below it
/// whole. Each value is checked against its rulebook definition at start.
/// </summary>
public sealed class ParameterOptions
{
    public const string Section = "Parameters";

    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>();

    /// <summary>Values keyed by the province's six-digit code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Provinces { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public static ParameterOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ParameterOptions
        {
            Defaults = Values(section.GetSection("Defaults")),
            Provinces = section.GetSection("Provinces").GetChildren().ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)Values(p), StringComparer.Ordinal),
        };
    }

    private static Dictionary<string, string> Values(IConfigurationSection section) =>
        section.GetChildren().ToDictionary(
            c => c.Key,
            c => c.GetChildren().Any()
                ? string.Join(',', c.GetChildren().OrderBy(i => int.TryParse(i.Key, out var n) ? n : int.MaxValue).Select(i => i.Value))
                : c.Value ?? string.Empty,
            StringComparer.Ordinal);
}
