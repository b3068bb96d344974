using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Licensing;

namespace MiningRights.IntegrationTests.Workflows;

/// <summary>A transition's guard (serviceLifeWithinCap on GS-9e's submitPlan) refuses before anything is stored.</summary>
public sealed class GuardTests
{
    [Fact]
    public async Task A_medium_mine_plan_of_21_years_is_refused_by_the_guard_and_20_years_passes_on_both_submitPlan_transitions()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", ProvisionalLicenseTests.MiningRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var instanceId = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2026, 1, 10));
        var refused = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 21)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", refused["ruleId"]!.GetValue<string>());
        Assert.Contains("20 years", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        Assert.Empty(await PlansAsync(holder.Client, rightId));
        var untouched = await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK);
        Assert.Equal("awaitingPlan", untouched["state"]!.GetValue<string>());
        Assert.Equal(["start"], untouched["journal"]!.AsArray().Select(j => j!["trigger"]!.GetValue<string>()));

        var first = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 20)), HttpStatusCode.Created);
        Assert.Equal("underReview", await StateAsync(holder.Client, instanceId));

        // The guard also stands on the transition out of a failed review.
        factory.Clock.Set(TestClock.Shanghai(2026, 2, 1));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{first["id"]}/expert-review", new
        {
            passed = false,
            reviewedOn = "2026-02-01",
            panel = "甘肃省矿产资源储量评审中心专家组",
            findings = "开采方式论证不足。",
            formalities = Formal.Of(factory.Clock, "GS-9e"),
        }), HttpStatusCode.OK);
        Assert.Equal("reviewFailed", await StateAsync(holder.Client, instanceId));

        factory.Clock.Set(TestClock.Shanghai(2026, 2, 10));
        var again = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 21)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", again["ruleId"]!.GetValue<string>());
        Assert.Single(await PlansAsync(holder.Client, rightId));
        Assert.Equal("reviewFailed", await StateAsync(holder.Client, instanceId));

        await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 20)), HttpStatusCode.Created);
        Assert.Equal(2, (await PlansAsync(holder.Client, rightId)).Count);
        Assert.Equal("underReview", await StateAsync(holder.Client, instanceId));
    }

    private static async Task<JsonArray> PlansAsync(HttpClient client, Guid rightId) =>
        JsonNode.Parse(await (await client.GetAsync($"/api/rights/{rightId}/plans")).Content.ReadAsStringAsync())!.AsArray();

    private static async Task<string> StateAsync(HttpClient client, string instanceId) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK))["state"]!.GetValue<string>();
}
