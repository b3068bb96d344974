namespace MiningRights.Notifications;

/// <summary>
/// One connection to the mail server (or to the pickup folder), used by one worker at a time. Disposing it ends the
/// connection politely (QUIT).
/// </summary>
public interface IMailSession : IDisposable
{
    /// <summary>Returns when the server has accepted the notice; throws when it could not be delivered.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
