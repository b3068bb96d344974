namespace MiningRights.Notifications;

public sealed record NotificationView(Guid Id, Guid InstanceId, string Stage, string RuleId, string Recipient, string Language, string Subject, NotificationStatus Status, int Attempts, DateTime NextAttemptAtUtc, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc);
