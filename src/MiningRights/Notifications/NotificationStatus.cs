namespace MiningRights.Notifications;

public enum NotificationStatus
{
    /// <summary>Waiting in the outbox for its next delivery attempt.</summary>
    Pending = 1,

    Sent = 2,

    /// <summary>Given up after the configured number of attempts; shown to administrators.</summary>
    Dead = 3,
}
