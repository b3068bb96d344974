namespace MiningRights.Notifications;

/// <summary>
/// One connection to the mail server (or to the pickup folder), used by one worker at a time for one notice after
/// another. Disposing it ends the connection politely (QUIT).
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>
    /// Returns when the server has accepted the notice; throws when it could not be delivered, a
    /// <see cref="MailRefusedException"/> when the server answered with an error reply. After a failure the session can
    /// still be used for the next notice.
    /// </summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
