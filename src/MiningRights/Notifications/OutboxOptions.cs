namespace MiningRights.Notifications;

/// <summary>Configuration section <c>Outbox</c>: retries with exponential backoff, then the notice is marked dead.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public int MaxAttempts { get; set; } = 8;

    public int FirstRetrySeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long a claimed notice is reserved for the process that claimed it.</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>Notices sent at once, each worker over its own SMTP connection, one message after another.</summary>
    public int DeliveryParallelism { get; set; } = 4;

    /// <summary>Attempts at writing "sent" after the server accepted a notice, before it is kept in memory instead.</summary>
    public int SentRecordAttempts { get; set; } = 4;

    /// <summary>Wait before the second attempt at writing "sent"; doubled for each further attempt.</summary>
    public int SentRecordRetryMilliseconds { get; set; } = 50;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
