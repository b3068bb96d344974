using Microsoft.Extensions.Options;
using MiningRights.Storage;

namespace MiningRights.Notifications;

/// <summary>
/// Sends notices with MailKit over SMTP (TLS and sign-in as configured), or writes them as <c>.eml</c> files to the
/// pickup folder when no host is set.
/// </summary>
public sealed class MailKitMailSender(IOptions<SmtpOptions> smtp, IOptions<StorageOptions> storage) : IMailSender
{
    public IMailSession OpenSession() => smtp.Value.Host is { } host && !string.IsNullOrWhiteSpace(host)
        ? new SmtpSession(host, smtp.Value)
        : new PickupFolderSession(storage.Value.MailPickupDirectory, smtp.Value);
}
