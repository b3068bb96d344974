namespace MiningRights.Scheduling;

/// <summary>Configuration section <c>Jobs</c>: how often the scheduled jobs run and how much each run takes on.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Seconds between sweeps; a divisor of a minute, an hour or a day, or 0 for "only when asked".</summary>
    public int DeadlineSweepSeconds { get; set; } = 60;

    /// <summary>Run the sweep and the delivery as soon as the service starts (off in tests, which drive them by hand).</summary>
    public bool RunAtStart { get; set; } = true;

    /// <summary>Seconds between delivery runs; a divisor of a minute, an hour or a day, or 0 for "only when asked".</summary>
    public int OutboxDeliverySeconds { get; set; } = 15;

    /// <summary>How often the audit entries written since are sealed into the hash chain (<see cref="Audit.AuditChain"/>).</summary>
    public int AuditSealSeconds { get; set; } = 60;

    /// <summary>
    /// How often, in seconds, each node's scheduler looks for recurring jobs that are due; a job never starts earlier than
    /// its schedule and at most this much later.
    /// </summary>
    public int SchedulePollingSeconds { get; set; } = 1;

    /// <summary>When the daily evaluation of contract performance runs: a cron expression (minute hour day month weekday) in Asia/Shanghai.</summary>
    public string PerformanceEvaluationCron { get; set; } = "30 1 * * *";

    /// <summary>Cron, Asia/Shanghai: every right in force given its renewal process (CN-RENEW), daily at 01:15.</summary>
    public string RenewalCoverageCron { get; set; } = "15 1 * * *";

    /// <summary>Cron, Asia/Shanghai: the quarterly verification batches (GS-9b), at 02:00 on the first day of each quarter.</summary>
    public string QuarterlyVerificationCron { get; set; } = "0 2 1 1,4,7,10 *";

    /// <summary>Deadlines read per batch by the sweep.</summary>
    public int SweepBatchSize { get; set; } = 500;

    /// <summary>
    /// Batches one sweep works on at once. One batch reads and composes while another commits, so two keep both
    /// cores of a small server busy; the database still takes one writer at a time.
    /// </summary>
    public int SweepParallelism { get; set; } = 2;

    /// <summary>Failed attempts on one deadline (an error, not a lost race) before it is parked for an administrator.</summary>
    public int ItemMaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a failed deadline; doubled each time, at most an hour.</summary>
    public int ItemRetrySeconds { get; set; } = 60;

    public TimeSpan ItemRetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, ItemRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>
    /// The cron expression (with seconds) of a job run every <paramref name="seconds"/> seconds, counted from the start
    /// of the minute, hour or day; null when that interval does not divide a minute, an hour or a day evenly. Zero is
    /// no schedule at all: the job runs only when asked (the dashboard's "trigger now", the demo clock).
    /// </summary>
    public static string? Every(int seconds) => seconds switch
    {
        0 => Hangfire.Cron.Never(),
        1 => "* * * * * *",
        < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
        60 => "0 * * * * *",
        < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => $"0 */{seconds / 60} * * * *",
        3600 => "0 0 * * * *",
        < 86400 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => $"0 0 */{seconds / 3600} * * *",
        86400 => "0 0 0 * * *",
        _ => null,
    };
}
