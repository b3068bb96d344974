using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>Nothing twice: racing sweeps and racing signals on one database.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_services_sweeping_one_database_at_once_send_each_reminder_once()
    {
        using var first = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(first);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        const int Rights = 24;
        for (var i = 0; i < Rights; i++)
        {
            await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        }

        // A second process on the same SQLite file, with its own connections, scheduler and outbox dispatcher.
        using var second = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), first.DataDirectory);
        _ = second.Services;

        var sixtyDaysBefore = TestClock.Shanghai(2025, 12, 31, 9, 5);
        first.Clock.Set(sixtyDaysBefore);
        second.Clock.Set(sixtyDaysBefore);
        var sweeps = await Task.WhenAll(first.SweepAsync(), second.SweepAsync());
        Assert.Equal(Rights, sweeps.Sum(s => s.Reminders));
        Assert.Equal(0, sweeps.Sum(s => s.Failed));

        await Task.WhenAll(first.DeliverAsync(), second.DeliverAsync());
        await Task.WhenAll(first.SweepAsync(), second.SweepAsync(), first.DeliverAsync(), second.DeliverAsync());

        var mails = await MailDev.ForAsync(holder.Email);
        Assert.Equal(Rights, mails.Count);
        Assert.Equal(Rights, mails.Select(m => m.Subject).Distinct().Count());
        Assert.All(mails, m => Assert.Contains("due in 60 days", m.Subject, StringComparison.Ordinal));

        using var scope = first.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        Assert.Equal(Rights, await db.Notifications.CountAsync(n => n.Recipient == holder.Email));
    }

    [Fact]
    public async Task Of_two_decisions_racing_on_one_plan_one_wins_and_the_other_gets_409()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var otherOfficer = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        for (var round = 0; round < 4; round++)
        {
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
            var url = $"/api/rights/{right["id"]}/plans/{plan["id"]}/decision";

            var responses = await Task.WhenAll(
                authority.PostAsJsonAsync(url, new { decision = "approve" }),
                otherOfficer.PostAsJsonAsync(url, new { decision = "return", reasons = "Incomplete.", formalities = Formal.Of(factory.Clock, "GS-9d") }));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);

            // Nothing of the losing request was applied: one decision in the journal, one decision on the plan.
            var view = await Api.ReadAsync(await authority.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK);
            var instance = await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{Api.Lifecycle(view)["instanceId"]}"), HttpStatusCode.OK);
            Assert.Equal(3, instance["journal"]!.AsArray().Count);
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
            var decided = await Api.ReadAsync(winner, HttpStatusCode.OK);
            var expectedState = decided["status"]!.GetValue<string>() == "approved" ? "approved" : "returned";
            Assert.Equal(expectedState, instance["state"]!.GetValue<string>());
        }
    }
}
