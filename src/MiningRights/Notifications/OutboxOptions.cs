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

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetrySeconds, FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
