using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using MiningRights.Storage;

namespace MiningRights.Notifications;

/// <summary>System.Net.Mail over SMTP (STARTTLS and login when configured), or a pickup folder of .eml files when no host is set.</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> smtp, IOptions<StorageOptions> storage) : IMailSender
{
    public IMailSession OpenSession()
    {
        var options = smtp.Value;
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            var folder = storage.Value.MailPickupDirectory;
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = options.Host;
            client.Port = options.Port;
            client.EnableSsl = options.EnableSsl;
            if (!string.IsNullOrEmpty(options.UserName))
            {
                client.Credentials = new NetworkCredential(options.UserName, options.Password);
            }
        }

        return new SmtpMailSession(client, options);
    }

    /// <summary>The message for a notice: plain text and HTML, and a Message-ID that is the same on every attempt.</summary>
    internal static MailMessage Compose(Notification notification, SmtpOptions options)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.From, options.FromName, Encoding.UTF8),
            Subject = notification.Subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            message.To.Add(new MailAddress(notification.Recipient));
            message.Headers.Add("Message-ID", NoticeMessageId.For(notification.Id, options.From));
            message.Headers.Add("X-MiningRights-Notification", notification.Id.ToString());
            message.Headers.Add("X-MiningRights-Rule", notification.RuleId);
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(notification.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(notification.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
