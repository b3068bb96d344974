namespace MiningRights.Scheduling;

/// <summary>
/// One run of a scheduled job on one node, kept for the administrators' page: when it started, how long it took, how many
/// items it handled, and how it ended. Only the latest <see cref="JobRunJournal.KeptPerJob"/> of each job are kept.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The job's name (its Quartz key without the group).</summary>
    public required string Job { get; init; }

    /// <summary>The scheduler instance that ran it (one per node).</summary>
    public required string Node { get; init; }

    public DateTime StartedAtUtc { get; init; }

    public long DurationMs { get; init; }

    /// <summary>What the run handled (reminders and expiries, notices, duties, rights), when it counts them.</summary>
    public int? Items { get; init; }

    public JobRunOutcome Outcome { get; init; }

    public string? Error { get; init; }
}

public enum JobRunOutcome
{
    Succeeded = 1,

    /// <summary>The previous run on this node was still busy; this one did nothing.</summary>
    Skipped = 2,

    Failed = 3,
}
