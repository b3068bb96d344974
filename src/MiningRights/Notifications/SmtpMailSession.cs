using System.Net.Mail;

namespace MiningRights.Notifications;

/// <summary>
/// One <see cref="SmtpClient"/> used for several messages in a row. SmtpClient keeps its connection open after a send
/// (SendMailAsync connects only when it is not connected yet) and closes it with QUIT on Dispose, or aborts it after a
/// failed send, so the next send connects afresh. Not safe for two sends at once: one session per worker.
/// </summary>
internal sealed class SmtpMailSession(SmtpClient client, SmtpOptions options) : IMailSession
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var message = SmtpMailSender.Compose(notification, options);
        await client.SendMailAsync(message, cancellationToken);
    }

    public void Dispose() => client.Dispose();
}
