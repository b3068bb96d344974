using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// "Sent" is written apart from sending: when the database fails after the mail server accepted a notice, the notice
/// is not sent again, and its record is written before the process sends anything else.
/// </summary>
public sealed class SentRecordTests
{
    private static readonly DateTimeOffset Now = TestClock.Shanghai(2025, 6, 20, 10);

    [Fact]
    public async Task When_writing_sent_fails_once_the_write_is_retried_and_the_notice_is_not_sent_again()
    {
        var fault = FailingCommandInterceptor.ForRecordingSent();
        using var factory = new ServiceFactory(Now);
        using var service = WithInterceptor(factory, fault);
        await ScheduledDelivery.PauseAsync(service.Services);
        var domain = OutboxNotices.NewDomain();
        var id = await OutboxNotices.AddAsync(service.Services, $"holder@{domain}", Now);
        var dispatcher = service.Services.GetRequiredService<OutboxDispatcher>();

        fault.FailNext(1);
        var first = await dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), first);
        Assert.Equal(1, fault.Failed);
        Assert.Equal(2, fault.Seen);

        // Past every retry delay and claim: a notice taken for failed would go out again now.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), await dispatcher.DeliverDueAsync(CancellationToken.None));

        var row = await OutboxNotices.FindAsync(service.Services, id);
        Assert.Equal(NotificationStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
        Assert.Equal(Now.UtcDateTime, row.SentAtUtc);

        var mails = await Mailbox.WaitForAsync(domain, 2, TimeSpan.FromSeconds(2));
        Assert.Equal(id, Assert.Single(mails).NotificationId);
    }

    [Fact]
    public async Task A_notice_whose_sent_cannot_be_written_is_recorded_before_the_process_sends_anything_else()
    {
        var fault = FailingCommandInterceptor.ForRecordingSent();
        using var factory = new ServiceFactory(Now, settings: new Dictionary<string, string?>
        {
            ["Outbox:SentRecordAttempts"] = "3",
            ["Outbox:SentRecordRetryMilliseconds"] = "10",
            ["Outbox:ClaimSeconds"] = "300",
        });
        using var service = WithInterceptor(factory, fault);
        await ScheduledDelivery.PauseAsync(service.Services);
        var domain = OutboxNotices.NewDomain();
        var accepted = await OutboxNotices.AddAsync(service.Services, $"accepted@{domain}", Now);
        var dispatcher = service.Services.GetRequiredService<OutboxDispatcher>();

        fault.FailEvery();
        var first = await dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(1, 0, 0, 1), first);
        Assert.Equal(3, fault.Failed);
        Assert.Equal(NotificationStatus.Pending, (await OutboxNotices.FindAsync(service.Services, accepted)).Status);

        // The accepted notice's claim has lapsed, so the database offers it again; and another notice is due.
        var next = await OutboxNotices.AddAsync(service.Services, $"next@{domain}", Now);
        factory.Clock.Advance(TimeSpan.FromSeconds(301));
        var second = await dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(0, 0, 0, 1), second);
        Assert.Equal(6, fault.Failed);
        var held = await Mailbox.WaitForAsync(domain, 2, TimeSpan.FromSeconds(2));
        Assert.Equal(accepted, Assert.Single(held).NotificationId);

        fault.Heal();
        var third = await dispatcher.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), third);

        var rows = await OutboxNotices.FindAsync(service.Services, [accepted, next]);
        Assert.All(rows, n =>
        {
            Assert.Equal(NotificationStatus.Sent, n.Status);
            Assert.Equal(1, n.Attempts);
        });

        var mails = await Mailbox.WaitForAsync(domain, 3, TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { accepted, next }.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
    }

    /// <summary>The same service with <paramref name="interceptor"/> in its container, where the DbContext picks it up.</summary>
    private static WebApplicationFactory<Program> WithInterceptor(ServiceFactory factory, IInterceptor interceptor) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(interceptor)));
}
