namespace MiningRights.Notifications;

public sealed record ComposedNotice(string Subject, string Text, string Html);
