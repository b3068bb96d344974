using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>Deadlines whose processing throws are retried, then parked, and never hold back the deadlines behind them.</summary>
public sealed class PoisonTests
{
    [Fact]
    public async Task Five_deadlines_that_throw_do_not_hold_back_the_others_and_are_parked_after_the_last_attempt()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?>
        {
            ["Jobs:SweepBatchSize"] = "5",
            ["Jobs:ItemMaxAttempts"] = "2",
            ["Jobs:ItemRetrySeconds"] = "1",
        });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var admin = await api.AdminAsync();

        // The broken ones are registered first, so they come first in the sweep's order and fill its first batch.
        var broken = new List<(Guid Instance, string Deadline)>();
        for (var i = 0; i < 5; i++)
        {
            var holder = await api.HolderAsync("en");
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            broken.Add((Guid.Parse(Api.Lifecycle(right)["instanceId"]!.GetValue<string>()), Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>()));
        }

        var healthy = new List<(TestHolder Holder, string Number)>();
        for (var i = 0; i < 7; i++)
        {
            var holder = await api.HolderAsync("en");
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            healthy.Add((holder, right["licenseNumber"]!.GetValue<string>()));
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var ids = broken.Select(b => b.Instance).ToList();
            var changed = await db.WorkflowInstances.Where(i => ids.Contains(i.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.DefinitionHash, new string('0', 64)));
            Assert.Equal(5, changed);
        }

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 12, 31, 9, 30));
        foreach (var (holder, number) in healthy)
        {
            Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject == $"Reminder: {number} exploration plan due in 60 days");
        }

        foreach (var (_, deadlineId) in broken)
        {
            var failed = await Api.ReadAsync(await admin.GetAsync($"/api/deadlines/{deadlineId}"), HttpStatusCode.OK);
            Assert.Equal(1, failed["attempts"]!.GetValue<int>());
            Assert.Contains("neither loaded nor stored", failed["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(failed["parkedAtUtc"]);
        }

        Assert.Empty((await admin.GetFromJsonAsync<List<JsonObject>>("/api/deadlines/parked"))!);

        // After the retry delay the second attempt fails too, and that was the last.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 12, 31, 9, 31));
        var parked = (await admin.GetFromJsonAsync<List<JsonObject>>("/api/deadlines/parked"))!;
        Assert.Equal(broken.Select(b => b.Deadline).Order(), parked.Select(p => p["id"]!.GetValue<string>()).Order());
        Assert.All(parked, p => Assert.Equal(2, p["attempts"]!.GetValue<int>()));
        Assert.All(parked, p => Assert.Null(p["nextActionAtUtc"]));

        // Parked items stay out of later sweeps, and nobody healthy was reminded twice.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 12, 31, 10, 0));
        Assert.All(await Task.WhenAll(broken.Select(b => admin.GetFromJsonAsync<JsonObject>($"/api/deadlines/{b.Deadline}"))), d => Assert.Equal(2, d!["attempts"]!.GetValue<int>()));
        foreach (var (holder, _) in healthy)
        {
            Assert.Single(await MailDev.ForAsync(holder.Email));
        }

        await ProblemAssert.ReadDenialAsync(await authority.GetAsync("/api/deadlines/parked"), HttpStatusCode.Forbidden);
    }
}
