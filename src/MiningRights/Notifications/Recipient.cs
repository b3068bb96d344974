namespace MiningRights.Notifications;

public sealed record Recipient(string Email, string Language);
