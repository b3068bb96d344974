using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>Lateness is judged by the date, not by whether a sweep has already noticed the due date passing.</summary>
public sealed class LatenessTests
{
    [Fact]
    public async Task A_plan_submitted_nine_days_after_its_due_date_before_any_sweep_is_marked_late()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var instanceId = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 10, 11));
        var stale = await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK);
        Assert.Equal("awaitingPlan", stale["state"]!.GetValue<string>());

        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
        Assert.True(plan["late"]!.GetValue<bool>());

        var instance = await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK);
        Assert.Equal("underReview", instance["state"]!.GetValue<string>());
        var submitted = Assert.Single(instance["journal"]!.AsArray(), j => j!["trigger"]!.GetValue<string>() == "signal:submitPlan")!;
        Assert.Contains("late", submitted["note"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_submitted_on_its_due_date_before_any_sweep_is_not_late()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 23, 50));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
        Assert.False(plan["late"]!.GetValue<bool>());
    }
}
