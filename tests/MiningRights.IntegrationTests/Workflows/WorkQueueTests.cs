using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Workflows;

/// <summary>
/// The work queue is read from the definitions: a step is in a reader's queue when a running process it sees waits for a
/// signal of its role that it may send there. So the holder's queue holds its plan to submit and its renewal to apply for;
/// once submitted, the plan leaves it and reaches the registration authority's queue, not a county's (which may not decide
/// it) nor another province's; a renewal application joins it, soonest due first.
/// </summary>
public sealed class WorkQueueTests
{
    [Fact]
    public async Task Each_step_is_in_the_queue_of_whoever_may_take_it_soonest_due_first_and_leaves_it_when_taken()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var province = await api.AuthorityAsync("620000");
        var county = await api.AuthorityAsync("620923");
        var zhejiang = await api.AuthorityAsync("330000");
        var holder = await api.HolderAsync();
        var stranger = await api.HolderAsync();
        var right = await Api.ReadAsync(await province.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var license = right["licenseNumber"]!.GetValue<string>();

        // The holder's queue: the plan to submit (GS-9d) and the renewal to apply for (CN-RENEW); nobody else's.
        var holderQueue = await QueueAsync(holder.Client, license);
        Assert.Equal(["exploration-plan-deferral", "renewal"], holderQueue.Select(i => i["definitionId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("GS-9d", holderQueue.Single(i => i["definitionId"]!.GetValue<string>() == "exploration-plan-deferral")["ruleId"]!.GetValue<string>());
        Assert.Empty(await QueueAsync(stranger.Client, license));
        Assert.Empty(await QueueAsync(province, license));

        // Submitted, the plan is the authority's to decide: in the province's queue, not the county's nor Zhejiang's.
        Assert.Equal(HttpStatusCode.Created, (await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>()))).StatusCode);
        var plan = Assert.Single(await QueueAsync(province, license));
        Assert.Equal("exploration-plan-deferral", plan["definitionId"]!.GetValue<string>());
        Assert.Equal(right["id"]!.GetValue<string>(), plan["subjectId"]!.GetValue<string>());
        Assert.NotEmpty(plan["steps"]!.AsArray());
        Assert.Empty(await QueueAsync(county, license));
        Assert.Empty(await QueueAsync(zhejiang, license));
        Assert.DoesNotContain(await QueueAsync(holder.Client, license), i => i["definitionId"]!.GetValue<string>() == "exploration-plan-deferral");

        // The holder applies for renewal: the application is the province's too, due by expiry, and the queue is in
        // due order (those without a date last).
        var renewal = right["workflows"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == "renewal")!["instanceId"]!.GetValue<string>();
        await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { termYears = 2, reason = "继续勘查" } }), HttpStatusCode.OK);
        var queue = await QueueAsync(province, license);
        Assert.Equal(["exploration-plan-deferral", "renewal"], queue.Select(i => i["definitionId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(right["expiresOn"]!.GetValue<string>(), queue.Single(i => i["definitionId"]!.GetValue<string>() == "renewal")["dueOn"]!.GetValue<string>());
        var whole = await QueueAsync(province, null);
        var dues = whole.Select(i => i["dueOn"]?.GetValue<string>()).ToList();
        Assert.Equal(dues.Where(d => d is not null).Order(StringComparer.Ordinal).Concat(dues.Where(d => d is null)), dues);
    }

    private static async Task<List<JsonObject>> QueueAsync(HttpClient client, string? license)
    {
        var items = (await client.GetFromJsonAsync<JsonArray>("/api/workflows/queue"))!.Select(i => i!.AsObject());
        return items.Where(i => license is null || i["subjectLabel"]!.GetValue<string>() == license).ToList();
    }
}
