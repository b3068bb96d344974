using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>Parallel delivery over kept SMTP connections: fast, and still each notice once, also with two processes on one outbox.</summary>
public sealed class ParallelDeliveryTests
{
    private static readonly DateTimeOffset Now = TestClock.Shanghai(2025, 6, 20, 10);

    [Fact]
    public async Task Two_hundred_notices_go_out_once_each_through_eight_workers_that_keep_their_connections()
    {
        await using var proxy = new CountingSmtpProxy();
        using var factory = new ServiceFactory(Now, settings: new Dictionary<string, string?>
        {
            ["Smtp:Port"] = proxy.Port.ToString(CultureInfo.InvariantCulture),
            ["Outbox:DeliveryParallelism"] = "8",
        });
        await ScheduledDelivery.PauseAsync(factory.Services);
        var domain = OutboxNotices.NewDomain();
        var ids = await OutboxNotices.AddAsync(factory.Services, Enumerable.Range(0, 200).Select(i => $"holder{i % 20}@{domain}"), Now);

        var result = await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryResult(200, 0, 0, 0), result);
        var rows = await OutboxNotices.FindAsync(factory.Services, ids);
        Assert.All(rows, n =>
        {
            Assert.Equal(NotificationStatus.Sent, n.Status);
            Assert.Equal(1, n.Attempts);
        });

        // One more than sent: a duplicate has the whole wait to show up.
        var mails = await Mailbox.WaitForAsync(domain, 201, TimeSpan.FromSeconds(2));
        Assert.Equal(200, mails.Count);
        Assert.Equal(ids.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
        Assert.All(mails, m => Assert.Equal(rows.Single(r => r.Id == m.NotificationId).Recipient, Assert.Single(m.To)));

        // A connection per worker, not per notice; and more than one worker sending at once.
        Assert.InRange(proxy.Connections, 2, 8);
        Assert.InRange(proxy.MostOpenAtOnce, 2, 8);
    }

    [Fact]
    public async Task Two_services_delivering_one_outbox_at_once_send_each_notice_once()
    {
        var settings = new Dictionary<string, string?> { ["Outbox:DeliveryParallelism"] = "4" };
        using var first = new ServiceFactory(Now, settings: settings);
        await ScheduledDelivery.PauseAsync(first.Services);

        // A second process on the same SQLite file, with its own connections and its own dispatcher.
        using var second = new ServiceFactory(Now, first.DataDirectory, settings);
        await ScheduledDelivery.PauseAsync(second.Services);
        var domain = OutboxNotices.NewDomain();
        var ids = await OutboxNotices.AddAsync(first.Services, Enumerable.Range(0, 120).Select(i => $"holder{i % 12}@{domain}"), Now);
        var results = await Task.WhenAll(
            first.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None),
            second.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(120, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.Equal((0, 0, 0), (r.Retrying, r.Dead, r.Unrecorded)));

        // Claimed once each: a notice claimed by both would show two attempts.
        var rows = await OutboxNotices.FindAsync(first.Services, ids);
        Assert.Equal(120, rows.Count);
        Assert.All(rows, n =>
        {
            Assert.Equal(NotificationStatus.Sent, n.Status);
            Assert.Equal(1, n.Attempts);
        });

        var mails = await Mailbox.WaitForAsync(domain, 121, TimeSpan.FromSeconds(2));
        Assert.Equal(120, mails.Count);
        Assert.Equal(ids.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
    }
}
