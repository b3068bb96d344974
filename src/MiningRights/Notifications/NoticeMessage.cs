using MimeKit;
using MimeKit.Text;

namespace MiningRights.Notifications;

/// <summary>The mail of a notice, the same on every attempt: plain text and HTML as alternatives, UTF-8 throughout.</summary>
public static class NoticeMessage
{
    public static MimeMessage Compose(Notification notification, SmtpOptions options)
    {
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            MessageId = NoticeMessageId.For(notification.Id, options.From).Trim('<', '>'),
            Date = DateTimeOffset.UtcNow,
            Body = new MultipartAlternative
            {
                new TextPart(TextFormat.Plain) { Text = notification.TextBody },
                new TextPart(TextFormat.Html) { Text = notification.HtmlBody },
            },
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(notification.Recipient));
        message.Headers.Add("X-MiningRights-Notification", notification.Id.ToString());
        message.Headers.Add("X-MiningRights-Rule", notification.RuleId);
        return message;
    }
}
