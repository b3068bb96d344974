namespace MiningRights.Benchmarks.Harness;

/// <summary>One timed run: how long the measured work took and how many items it handled.</summary>
public sealed record Measurement(TimeSpan Elapsed, int Items);
