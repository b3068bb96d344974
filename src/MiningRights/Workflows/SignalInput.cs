namespace MiningRights.Workflows;

/// <summary>
/// One value a signal carries: <c>date</c> (yyyy-MM-dd), <c>text</c>, <c>integer</c>, <c>decimal</c> or <c>choice</c>
/// (one of <see cref="Values"/>). Dates are kept as instance dates, so deadlines can count from them.
/// </summary>
public sealed record SignalInput
{
    public required string Type { get; init; }

    public required LocalizedText Label { get; init; }

    public bool Required { get; init; }

    /// <summary>Longest text accepted (text inputs; default 2000).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Smallest and largest number accepted (integer and decimal inputs).</summary>
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>The values a choice accepts; matched without regard to case and kept as written here.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>What each of <see cref="Values"/> is called, in both languages (the loader requires one for each).</summary>
    public IReadOnlyDictionary<string, LocalizedText> ValueLabels { get; init; } = new Dictionary<string, LocalizedText>();

    /// <summary>The name of a choice's value in <paramref name="language"/>, else the value itself.</summary>
    public string ValueLabel(string value, string language) =>
        ValueLabels.TryGetValue(value, out var label) ? label.In(language) : value;

    /// <summary>For dates: <c>today</c> or an instance date (or another date input) the value may not precede.</summary>
    public string? NotBefore { get; init; }

    /// <summary>For dates: <c>today</c> or an instance date the value may not follow.</summary>
    public string? NotAfter { get; init; }
}
