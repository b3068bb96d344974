namespace MiningRights.Notifications;

/// <summary>A notice claimed for one attempt: its attempt count as claimed, and the time by which it must be sent for the claim to cover the send.</summary>
internal sealed record ClaimedNotice(Notification Notification, int Attempts, DateTime SendBeforeUtc);
