using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>The outbox keeps every notice while the SMTP server is down, delivers each once when it is back, and gives up visibly.</summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Smtp_down_then_up_delivers_every_notice_once()
    {
        await using var gate = new SmtpGate();
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 10), settings: new Dictionary<string, string?>
        {
            ["Smtp:Port"] = gate.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:TimeoutSeconds"] = "5",
            ["Outbox:FirstRetrySeconds"] = "30",
        });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        // Registered a year ago: the sweep finds the plans overdue and past the grace, so each right gets two notices.
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
            numbers.Add(right["licenseNumber"]!.GetValue<string>());
        }

        await factory.SweepAsync();
        var first = await factory.DeliverAsync();
        Assert.Equal(0, first.Sent);
        Assert.Equal(6, first.Retrying);

        var admin = await api.AdminAsync();
        var pending = await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=pending"), HttpStatusCode.OK);
        Assert.Equal(6, pending.ItemCount());
        Assert.All(pending["items"]!.AsArray(), n =>
        {
            Assert.Equal(1, n!["attempts"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(n["lastError"]!.GetValue<string>()));
        });

        // Not due again before the backoff has passed.
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, (await factory.DeliverAsync()).Retrying);

        factory.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(6, (await factory.DeliverAsync()).Retrying);
        Assert.Empty(await MailDev.ForAsync(holder.Email));

        gate.Open();
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var delivered = await factory.DeliverAsync();
        Assert.Equal(6, delivered.Sent);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await factory.DeliverAsync()).Sent);

        var mails = await MailDev.ForAsync(holder.Email);
        Assert.Equal(6, mails.Count);
        foreach (var number in numbers)
        {
            Assert.Single(mails, m => m.Subject.StartsWith("Overdue:", StringComparison.Ordinal) && m.Subject.Contains(number, StringComparison.Ordinal));
            Assert.Single(mails, m => m.Subject.StartsWith("Case opened:", StringComparison.Ordinal) && m.Subject.Contains(number, StringComparison.Ordinal));
        }

        var sent = await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=sent"), HttpStatusCode.OK);
        Assert.Equal(6, sent.ItemCount());
        Assert.All(sent["items"]!.AsArray(), n => Assert.Equal(3, n!["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_notice_is_marked_dead_after_the_configured_attempts_and_shown_through_the_api()
    {
        await using var gate = new SmtpGate();
        using var factory = BoundedTries(gate);
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
        await factory.SweepAsync();

        Assert.Equal(2, (await factory.DeliverAsync()).Retrying);
        factory.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(2, (await factory.DeliverAsync()).Retrying);
        factory.Clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(2, (await factory.DeliverAsync()).Dead);

        // Dead notices stay dead: the server coming back does not resend them silently.
        gate.Open();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await factory.DeliverAsync()).Sent);

        var admin = await api.AdminAsync();
        var dead = await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=dead"), HttpStatusCode.OK);
        Assert.Equal(2, dead.ItemCount());
        Assert.All(dead["items"]!.AsArray(), n =>
        {
            Assert.Equal(3, n!["attempts"]!.GetValue<int>());
            Assert.Equal(holder.Email, n["recipient"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(n["lastError"]!.GetValue<string>()));
        });

        // An administrator puts one back: it goes out at the next delivery, once. A notice not dead is refused, and so
        // is anyone but an administrator.
        var first = dead["items"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await authority.PostAsync($"/api/notifications/{first}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/notifications/{first}/retry", null)).StatusCode);
        await ProblemAssert.ReadAsync(await admin.PostAsync($"/api/notifications/{first}/retry", null), HttpStatusCode.Conflict);
        await ProblemAssert.ReadAsync(await admin.PostAsync($"/api/notifications/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound);
        Assert.Equal(1, (await factory.DeliverAsync()).Sent);
        Assert.Equal(0, (await factory.DeliverAsync()).Sent);
        Assert.Equal(1, (await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=dead"), HttpStatusCode.OK)).ItemCount());
        await ProblemAssert.ReadAsync(await admin.PostAsync($"/api/notifications/{first}/retry", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_recipient_the_mail_server_refuses_for_good_is_dead_at_once_with_the_reply_and_only_its_notices()
    {
        await using var gate = new SmtpGate();
        using var factory = BoundedTries(gate);
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var refused = await api.HolderAsync("en");
        var others = new[] { await api.HolderAsync("en"), await api.HolderAsync("zh-CN") };
        gate.RefuseRecipient(refused.Email);
        gate.Open();

        // Registered a year ago: two notices for each right (overdue, case opened), the refused holder's between the others'.
        foreach (var holder in new[] { others[0], refused, others[1] })
        {
            await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
        }

        await factory.SweepAsync();
        var first = await factory.DeliverAsync();
        Assert.Equal((4, 0, 2), (first.Sent, first.Retrying, first.Dead));

        // A 5xx for the recipient cannot turn out otherwise on a later try: nothing is tried again.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var later = await factory.DeliverAsync();
        Assert.Equal((0, 0, 0), (later.Sent, later.Retrying, later.Dead));

        Assert.Empty(await MailDev.ForAsync(refused.Email));
        foreach (var holder in others)
        {
            Assert.Equal(2, (await MailDev.ForAsync(holder.Email)).Count);
        }

        var admin = await api.AdminAsync();
        var dead = await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=dead"), HttpStatusCode.OK);
        Assert.Equal(2, dead.ItemCount());
        Assert.All(dead["items"]!.AsArray(), n =>
        {
            Assert.Equal(refused.Email, n!["recipient"]!.GetValue<string>());
            Assert.Equal(1, n["attempts"]!.GetValue<int>());
            Assert.StartsWith("550 ", n["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("mailbox unavailable", n["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        var sent = await Api.ReadAsync(await admin.GetAsync("/api/notifications?status=sent"), HttpStatusCode.OK);
        Assert.Equal(4, sent.ItemCount());
        Assert.All(sent["items"]!.AsArray(), n => Assert.Equal(1, n!["attempts"]!.GetValue<int>()));
    }

    /// <summary>A service sending through <paramref name="gate"/> that gives a notice up after 3 tries, 10 s apart at first.</summary>
    private static ServiceFactory BoundedTries(SmtpGate gate) => new(TestClock.Shanghai(2025, 6, 20, 10), settings: new Dictionary<string, string?>
    {
        ["Smtp:Port"] = gate.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:TimeoutSeconds"] = "5",
        ["Outbox:MaxAttempts"] = "3",
        ["Outbox:FirstRetrySeconds"] = "10",
    });
}
