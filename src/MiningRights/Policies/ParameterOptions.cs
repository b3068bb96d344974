using System.Collections.Concurrent;

namespace MiningRights.Policies;

/// <summary>Configuration section <c>Parameters</c>: the defaults and each province's own values.</summary>
public sealed class ParameterOptions
{
    public const string Section = "Parameters";

    private readonly ConcurrentDictionary<string, ProvinceParameters> _resolved = new(StringComparer.Ordinal);

    public ParameterSet Defaults { get; set; } = new();

    /// <summary>Values keyed by the province's six-digit code; anything a province does not set comes from the defaults.</summary>
    public Dictionary<string, ParameterSet> Provinces { get; set; } = [];

    /// <summary>The parameters in force where <paramref name="jurisdictionCode"/> lies (any code of the province: county, city or the province).</summary>
    public ProvinceParameters In(string jurisdictionCode) => For(jurisdictionCode[..2] + "0000");

    public ProvinceParameters For(string provinceCode) =>
        _resolved.GetOrAdd(provinceCode, code => new ProvinceParameters().With(Defaults).With(Provinces.GetValueOrDefault(code)));

    /// <summary>Every problem with the configured values, for the defaults and each province.</summary>
    public IEnumerable<string> Validate() =>
        new ProvinceParameters().With(Defaults).Validate()
            .Concat(Provinces.SelectMany(p => new ProvinceParameters().With(Defaults).With(p.Value).Validate().Select(e => $"{p.Key}: {e}")));
}
