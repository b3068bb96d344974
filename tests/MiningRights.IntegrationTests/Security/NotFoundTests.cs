using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>A refusal looks the same whether the thing exists or not: another holder learns nothing from a 404.</summary>
public sealed class NotFoundTests
{
    [Fact]
    public async Task Another_holders_deadline_and_instance_give_the_same_404_as_ids_that_do_not_exist()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var owner = await api.HolderAsync("en");
        var stranger = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(owner.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var deadlineId = Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>();
        var instanceId = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();
        var randomId = Guid.NewGuid();

        // The owner does see them.
        await Api.ReadAsync(await owner.Client.GetAsync($"/api/deadlines/{deadlineId}"), HttpStatusCode.OK);
        await Api.ReadAsync(await owner.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK);

        await AssertSameNotFoundAsync(stranger.Client.GetAsync($"/api/deadlines/{deadlineId}"), stranger.Client.GetAsync($"/api/deadlines/{randomId}"), deadlineId, randomId);
        await AssertSameNotFoundAsync(stranger.Client.GetAsync($"/api/workflows/instances/{instanceId}"), stranger.Client.GetAsync($"/api/workflows/instances/{randomId}"), instanceId, randomId);
        await AssertSameNotFoundAsync(
            stranger.Client.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/submitPlan", new { note = "x" }),
            stranger.Client.PostAsJsonAsync($"/api/workflows/instances/{randomId}/signals/submitPlan", new { note = "x" }),
            instanceId,
            randomId);
    }

    /// <summary>Both are 404 ProblemDetails with the same members and values, once the id asked for and the trace id are set aside.</summary>
    private static async Task AssertSameNotFoundAsync(Task<HttpResponseMessage> existing, Task<HttpResponseMessage> missing, string existingId, Guid missingId)
    {
        var a = await ProblemAssert.ReadAsync(await existing, HttpStatusCode.NotFound);
        var b = await ProblemAssert.ReadAsync(await missing, HttpStatusCode.NotFound);
        a.Remove("traceId");
        b.Remove("traceId");
        var left = a.ToJsonString().Replace(existingId, "{id}", StringComparison.OrdinalIgnoreCase);
        var right = b.ToJsonString().Replace(missingId.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(right, left);
    }
}
