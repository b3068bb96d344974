namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// One timed run: how long the measured work took and how many items it handled; <paramref name="Note"/> says what
/// else the run found out (e.g. how the work split between nodes), printed after the row.
/// </summary>
public sealed record Measurement(TimeSpan Elapsed, int Items, string? Note = null);
