using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>Without an SMTP host a notice is an <c>.eml</c> file in the pickup folder: a whole message a mail program reads back as sent.</summary>
public sealed class PickupFolderTests
{
    private static readonly DateTimeOffset Now = TestClock.Shanghai(2025, 6, 20, 10);

    [Fact]
    public async Task A_notice_in_the_pickup_folder_reads_back_whole_and_a_resend_replaces_its_file()
    {
        using var factory = new ServiceFactory(Now, settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = string.Empty,
            ["Smtp:From"] = "outbox@notices.example.cn",
            ["Smtp:FromName"] = "甘肃省自然资源厅 矿业权登记",
        });
        await ScheduledDelivery.PauseAsync(factory.Services);
        var recipient = $"holder@{OutboxNotices.NewDomain()}";
        var id = await OutboxNotices.AddAsync(factory.Services, recipient, Now);
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));
        var notice = await OutboxNotices.FindAsync(factory.Services, id);

        // Written again (as after a lapsed claim): the same file, replaced.
        var folder = Path.Combine(factory.DataDirectory, "mail");
        await using (var session = factory.Services.GetRequiredService<IMailSender>().OpenSession())
        {
            await session.SendAsync(notice, CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Equal($"{id:N}.eml", Path.GetFileName(file));

        var message = await MimeMessage.LoadAsync(file);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("甘肃省自然资源厅 矿业权登记", "outbox@notices.example.cn"), (from.Name, from.Address));
        Assert.Equal(recipient, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal(notice.Subject, message.Subject);
        Assert.Equal($"{id:N}@notices.example.cn", message.MessageId);
        Assert.Equal(id.ToString(), message.Headers["X-MiningRights-Notification"]);
        Assert.Equal("GS-9d", message.Headers["X-MiningRights-Rule"]);

        // Text and HTML as alternatives, both UTF-8, the Chinese intact.
        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.All(body.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        Assert.Equal(notice.TextBody, message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(notice.HtmlBody, message.HtmlBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
    }
}
