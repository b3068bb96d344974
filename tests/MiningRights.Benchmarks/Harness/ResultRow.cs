using System.Globalization;

namespace MiningRights.Benchmarks.Harness;

/// <summary>One line of the table: a scenario at one size over several runs.</summary>
public sealed record ResultRow(string Scenario, string Unit, int Size, IReadOnlyList<Measurement> Runs, long PeakWorkingSetBytes)
{
    public const string Header = "scenario        size  unit        runs   median s      min s      max s   per second  peak RSS MiB";

    public TimeSpan Median
    {
        get
        {
            var sorted = Runs.Select(r => r.Elapsed).Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>Items handled per second in the median run.</summary>
    public double PerSecond => Runs[0].Items / Median.TotalSeconds;

    /// <summary>The row, then the note of each run that has one, indented, one per line.</summary>
    public string Format() => string.Concat(
        [FormatRow(), .. Runs.Select((r, i) => r.Note is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0}    run {1}: {2}", Environment.NewLine, i + 1, r.Note))]);

    private string FormatRow() => string.Format(
        CultureInfo.InvariantCulture,
        "{0,-12} {1,7}  {2,-10} {3,5} {4,10:F3} {5,10:F3} {6,10:F3} {7,12:F1} {8,13:F0}",
        Scenario,
        Size,
        Unit,
        Runs.Count,
        Median.TotalSeconds,
        Runs.Min(r => r.Elapsed).TotalSeconds,
        Runs.Max(r => r.Elapsed).TotalSeconds,
        PerSecond,
        PeakWorkingSetBytes / (1024.0 * 1024.0));
}
