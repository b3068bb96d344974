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

    /// <summary>The floor's median over the runs that measured one, or null.</summary>
    public TimeSpan? FloorMedian
    {
        get
        {
            var sorted = Runs.Where(r => r.Floor is not null).Select(r => r.Floor!.Elapsed).Order().ToList();
            return sorted.Count == 0 ? null
                : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    /// <summary>The service's pace as a share of its floor's, from the medians (1.0: as fast as the floor).</summary>
    public double? FloorRatio => FloorMedian is { } floor ? floor.TotalSeconds / Median.TotalSeconds : null;

    /// <summary>The row, its floor and their ratio if measured, then the note of each run that has one, indented, one per line.</summary>
    public string Format() => string.Concat(
        [
            FormatRow(),
            FloorMedian is { } floor
                ? string.Format(CultureInfo.InvariantCulture, "{0}    floor: {1}: median {2:F3} s, {3:F1} per second; ratio {4:F2} (the service at {4:P0} of its floor)",
                    Environment.NewLine, Runs.First(r => r.Floor is not null).Floor!.What, floor.TotalSeconds, Runs[0].Items / floor.TotalSeconds, FloorRatio)
                : string.Empty,
            .. Runs.Select((r, i) => r.Note is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0}    run {1}: {2}", Environment.NewLine, i + 1, r.Note)),
        ]);

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
