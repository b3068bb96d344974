namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// One timed run: how long the measured work took and how many items it handled; <paramref name="Note"/> says what
/// else the run found out (e.g. how the work split between nodes), printed after the row; <paramref name="Floor"/> is
/// the least the same work can cost, measured in the same run beside it.
/// </summary>
public sealed record Measurement(TimeSpan Elapsed, int Items, string? Note = null, Floor? Floor = null);

/// <summary>
/// The floor of a run: the same items through the plainest path that does the same essential work (the same mails
/// over the same connections with a bare client, the same rows in one statement), timed in the same run.
/// </summary>
public sealed record Floor(string What, TimeSpan Elapsed);
