namespace MiningRights.Notifications;

/// <summary>
/// A notice in the transactional outbox. It is written in the transaction of the state change that causes it;
/// <see cref="Key"/> is unique (deadline and stage, or journal entry and notice, plus the recipient), so a stage
/// can never be queued twice.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Key { get; init; }

    /// <summary>The workflow instance the notice is about: who may see the notice follows from its subject.</summary>
    public required Guid InstanceId { get; init; }

    public Guid? HolderId { get; init; }

    public Guid? DeadlineId { get; init; }

    /// <summary>reminder-60 ... reminder-1, or the notice name of a workflow action (planOverdue, licenseLapsed).</summary>
    public required string Stage { get; init; }

    public required string RuleId { get; init; }

    public required string Recipient { get; init; }

    public required string Language { get; init; }

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }

    public NotificationStatus Status { get; set; } = NotificationStatus.Pending;

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? SentAtUtc { get; set; }
}
