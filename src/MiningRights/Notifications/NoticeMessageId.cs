using System.Globalization;
using MimeKit;

namespace MiningRights.Notifications;

/// <summary>
/// The Message-ID of a notice, derived from the notification's id: every attempt at one notice carries the same one,
/// so a mail server or client that has seen it can recognise a repeat (when "sent" could not be recorded and the notice
/// went out again from another process).
/// </summary>
public static class NoticeMessageId
{
    /// <summary><c>&lt;{id:N}@{host of the sender address}&gt;</c>, the host in ASCII as RFC 5322 requires.</summary>
    public static string For(Guid notificationId, string fromAddress)
    {
        var host = MailboxAddress.Parse(fromAddress).Domain;
        return $"<{notificationId:N}@{new IdnMapping().GetAscii(host).ToLowerInvariant()}>";
    }
}
