using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>Every notice carries a Message-ID made from its id, the same each time it goes out, over SMTP and in the pickup folder.</summary>
public sealed class MessageIdTests
{
    private static readonly DateTimeOffset Now = TestClock.Shanghai(2025, 6, 20, 10);

    [Fact]
    public async Task Each_notice_carries_a_Message_ID_made_from_its_id_and_the_sender_domain()
    {
        using var factory = new ServiceFactory(Now, settings: new Dictionary<string, string?> { ["Smtp:From"] = "outbox@Notices.Example.cn" });
        await ScheduledDelivery.PauseAsync(factory.Services);
        var domain = OutboxNotices.NewDomain();
        var ids = await OutboxNotices.AddAsync(factory.Services, Enumerable.Range(0, 3).Select(i => $"holder{i}@{domain}"), Now);

        Assert.Equal(3, (await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None)).Sent);

        var mails = await Mailbox.WaitForAsync(domain, 3, TimeSpan.FromSeconds(15));
        Assert.Equal(ids.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
        Assert.All(mails, m => Assert.Equal($"<{m.NotificationId:N}@notices.example.cn>", m.MessageId));
    }

    [Fact]
    public async Task A_notice_sent_again_after_its_process_died_unrecorded_carries_the_same_Message_ID()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:SentRecordAttempts"] = "2",
            ["Outbox:SentRecordRetryMilliseconds"] = "10",
            ["Outbox:ClaimSeconds"] = "300",
        };
        var domain = OutboxNotices.NewDomain();
        Guid id;
        string dataDirectory;

        // The first process sends the notice, cannot record it, and stops: what it held in memory is gone.
        using (var crashed = new ServiceFactory(Now, settings: settings))
        {
            var fault = FailingCommandInterceptor.ForRecordingSent();
            fault.FailEvery();
            using var service = crashed.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(fault)));
            await ScheduledDelivery.PauseAsync(service.Services);
            id = await OutboxNotices.AddAsync(service.Services, $"holder@{domain}", Now);
            Assert.Equal(1, (await service.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None)).Unrecorded);
            dataDirectory = crashed.DataDirectory;
        }

        // Another process on the same database, once the claim has lapsed, sends it again.
        using var survivor = new ServiceFactory(Now, dataDirectory, settings);
        await ScheduledDelivery.PauseAsync(survivor.Services);
        survivor.Clock.Advance(TimeSpan.FromSeconds(301));
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), await survivor.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));
        Assert.Equal(NotificationStatus.Sent, (await OutboxNotices.FindAsync(survivor.Services, id)).Status);

        var mails = await Mailbox.WaitForAsync(domain, 2, TimeSpan.FromSeconds(15));
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal($"<{id:N}@miningrights.local>", m.MessageId));
    }

    [Fact]
    public async Task Without_an_SMTP_host_each_notice_is_written_once_to_the_pickup_folder_with_its_Message_ID()
    {
        using var factory = new ServiceFactory(Now, settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = string.Empty,
            ["Outbox:DeliveryParallelism"] = "4",
        });
        await ScheduledDelivery.PauseAsync(factory.Services);
        var ids = await OutboxNotices.AddAsync(factory.Services, Enumerable.Range(0, 12).Select(i => $"holder{i}@{OutboxNotices.NewDomain()}"), Now);

        Assert.Equal(new DeliveryResult(12, 0, 0, 0), await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));

        var files = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml");
        var messageIds = files
            .Select(f => File.ReadLines(f).Single(l => l.StartsWith("Message-ID: ", StringComparison.OrdinalIgnoreCase))["Message-ID: ".Length..])
            .ToList();
        Assert.Equal(ids.Select(id => $"<{id:N}@miningrights.local>").Order(), messageIds.Order());
        Assert.All(await OutboxNotices.FindAsync(factory.Services, ids), n => Assert.Equal(NotificationStatus.Sent, n.Status));
    }
}
