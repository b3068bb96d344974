namespace MiningRights.Notifications;

public sealed record DeliveryResult(int Sent, int Retrying, int Dead);
