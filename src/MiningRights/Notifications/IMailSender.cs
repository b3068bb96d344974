namespace MiningRights.Notifications;

/// <summary>Delivers one notice; throws when it could not.</summary>
public interface IMailSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
