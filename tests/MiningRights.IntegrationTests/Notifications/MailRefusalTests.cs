using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// What the mail server answers decides what becomes of a notice: a 5xx for its recipient makes it dead at once with the
/// server's reply, a 4xx is retried with the backoff; either way the worker's connection carries the next notices.
/// </summary>
public sealed class MailRefusalTests
{
    private static readonly DateTimeOffset Now = TestClock.Shanghai(2025, 6, 20, 10);

    [Fact]
    public async Task A_550_for_one_recipient_is_dead_after_one_attempt_while_the_others_go_out_over_the_same_connection()
    {
        await using var gate = new SmtpGate();
        using var factory = OneWorker(gate);
        await ScheduledDelivery.PauseAsync(factory.Services);
        var domain = OutboxNotices.NewDomain();
        var refused = $"gone@{domain}";
        gate.RefuseRecipient(refused);
        gate.Open();
        var ids = await OutboxNotices.AddAsync(factory.Services, [$"a@{domain}", refused, $"b@{domain}", $"c@{domain}", $"d@{domain}"], Now);

        Assert.Equal(new DeliveryResult(4, 0, 1, 0), await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));

        var rows = await OutboxNotices.FindAsync(factory.Services, ids);
        var dead = Assert.Single(rows, n => n.Status == NotificationStatus.Dead);
        Assert.Equal(refused, dead.Recipient);
        Assert.Equal(1, dead.Attempts);
        Assert.Equal($"550 5.1.1 <{refused}>: mailbox unavailable", dead.LastError);
        Assert.All(rows.Where(n => n.Id != dead.Id), n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        Assert.Equal(1, gate.Connections);

        // One more than sent: a stray copy has the whole wait to show up.
        var mails = await Mailbox.WaitForAsync(domain, 5, TimeSpan.FromSeconds(2));
        Assert.Equal(rows.Where(n => n.Id != dead.Id).Select(n => n.Id).Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());

        // Dead stays dead, the server's reply with it.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), await factory.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_451_is_retried_with_the_backoff_and_the_notice_goes_out_once_the_server_takes_it()
    {
        await using var gate = new SmtpGate();
        using var factory = OneWorker(gate);
        await ScheduledDelivery.PauseAsync(factory.Services);
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        var domain = OutboxNotices.NewDomain();
        var busy = $"busy@{domain}";
        gate.RefuseRecipient(busy, "451 4.3.0 try later");
        gate.Open();
        var ids = await OutboxNotices.AddAsync(factory.Services, [busy, $"a@{domain}", $"b@{domain}"], Now);

        Assert.Equal(new DeliveryResult(2, 1, 0, 0), await dispatcher.DeliverDueAsync(CancellationToken.None));
        var waiting = Assert.Single(await OutboxNotices.FindAsync(factory.Services, ids), n => n.Recipient == busy);
        Assert.Equal((NotificationStatus.Pending, 1, "451 4.3.0 try later"), (waiting.Status, waiting.Attempts, waiting.LastError));
        Assert.True(waiting.NextAttemptAtUtc > Now.UtcDateTime, $"next attempt {waiting.NextAttemptAtUtc:o} is not after {Now.UtcDateTime:o}");
        Assert.Equal(1, gate.Connections);

        // Not due before its backoff, even though the server would take it now.
        gate.AcceptRecipient(busy);
        Assert.Equal(new DeliveryResult(0, 0, 0, 0), await dispatcher.DeliverDueAsync(CancellationToken.None));

        factory.Clock.Set(new DateTimeOffset(waiting.NextAttemptAtUtc, TimeSpan.Zero));
        Assert.Equal(new DeliveryResult(1, 0, 0, 0), await dispatcher.DeliverDueAsync(CancellationToken.None));
        var sent = await OutboxNotices.FindAsync(factory.Services, waiting.Id);
        Assert.Equal((NotificationStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));

        var mails = await Mailbox.WaitForAsync(domain, 4, TimeSpan.FromSeconds(2));
        Assert.Equal(ids.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
    }

    [Fact]
    public async Task After_the_server_drops_the_connection_the_notice_that_met_it_fails_for_its_retry_and_the_next_connects_afresh()
    {
        await using var gate = new SmtpGate();
        using var factory = OneWorker(gate);
        await ScheduledDelivery.PauseAsync(factory.Services);
        gate.Open();
        var domain = OutboxNotices.NewDomain();
        var ids = await OutboxNotices.AddAsync(factory.Services, [$"a@{domain}", $"b@{domain}", $"c@{domain}"], Now);
        var notices = (await OutboxNotices.FindAsync(factory.Services, ids)).OrderBy(n => ids.IndexOf(n.Id)).ToList();

        await using (var session = factory.Services.GetRequiredService<IMailSender>().OpenSession())
        {
            await session.SendAsync(notices[0], CancellationToken.None);
            gate.DropConnections();

            // Not sent again over a new connection at once (the server might have taken it): a failure like any other.
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => session.SendAsync(notices[1], CancellationToken.None));
            Assert.IsNotType<MailRefusedException>(failure);
            await session.SendAsync(notices[2], CancellationToken.None);
        }

        Assert.Equal(2, gate.Connections);
        var mails = await Mailbox.WaitForAsync(domain, 3, TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { ids[0], ids[2] }.Order(), mails.Select(m => m.NotificationId ?? Guid.Empty).Order());
    }

    /// <summary>A service sending through <paramref name="gate"/> with one delivery worker, so one SMTP connection.</summary>
    private static ServiceFactory OneWorker(SmtpGate gate) => new(Now, settings: new Dictionary<string, string?>
    {
        ["Smtp:Port"] = gate.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:TimeoutSeconds"] = "5",
        ["Outbox:DeliveryParallelism"] = "1",
        ["Outbox:FirstRetrySeconds"] = "10",
    });
}
