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
    // The host of the last sender address asked for: every notice of a run has the same sender, whose address is then
    // parsed once rather than once a mail.
    private static SenderHost? _last;

    /// <summary><c>&lt;{id:N}@{host of the sender address}&gt;</c>, the host in ASCII as RFC 5322 requires.</summary>
    public static string For(Guid notificationId, string fromAddress) => $"<{notificationId:N}@{HostOf(fromAddress)}>";

    private static string HostOf(string fromAddress)
    {
        var last = _last;
        if (last is null || !string.Equals(last.From, fromAddress, StringComparison.Ordinal))
        {
            last = new SenderHost(fromAddress, new IdnMapping().GetAscii(MailboxAddress.Parse(fromAddress).Domain).ToLowerInvariant());
            _last = last;
        }

        return last.Host;
    }

    private sealed record SenderHost(string From, string Host);
}
