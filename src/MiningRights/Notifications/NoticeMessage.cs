using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace MiningRights.Notifications;

/// <summary>The mail of a notice, the same on every attempt: plain text and HTML as alternatives, UTF-8 throughout.</summary>
public static class NoticeMessage
{
    public static MimeMessage Compose(Notification notification, SmtpOptions options)
    {
        // Message-ID and Date given as headers when the message is made: the parameterless constructor would first
        // generate a Message-ID of its own from the machine's host name, which cost a fifth of a send's CPU.
        var message = new MimeMessage(
            new Header(HeaderId.MessageId, NoticeMessageId.For(notification.Id, options.From)),
            new Header(HeaderId.Date, DateUtils.FormatDate(DateTimeOffset.UtcNow)),
            new MultipartAlternative
            {
                new TextPart(TextFormat.Plain) { Text = notification.TextBody },
                new TextPart(TextFormat.Html) { Text = notification.HtmlBody },
            })
        {
            Subject = notification.Subject,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Headers.Add("X-MiningRights-Notification", notification.Id.ToString());
        message.Headers.Add("X-MiningRights-Rule", notification.RuleId);
        return message;
    }
}
