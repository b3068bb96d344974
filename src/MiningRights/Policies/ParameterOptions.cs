namespace MiningRights.Policies;

/// <summary>Configuration section <c>Parameters</c>: the defaults and each province's overrides.</summary>
public sealed class ParameterOptions
{
    public const string Section = "Parameters";

    public ProvinceParameters Defaults { get; set; } = new();

    /// <summary>Overrides keyed by the province's six-digit code; a province not named uses the defaults.</summary>
    public Dictionary<string, ProvinceParameters> Provinces { get; set; } = [];

    public ProvinceParameters For(string provinceCode) =>
        Provinces.TryGetValue(provinceCode, out var own) ? own : Defaults;
}
