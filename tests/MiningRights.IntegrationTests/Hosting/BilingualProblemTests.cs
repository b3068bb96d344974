using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// A refusal says why in English (<c>detail</c>) and in Simplified Chinese (<c>detailZh</c>), whatever refused it: a rule's
/// window, a missing value a workflow file declares, a lost race, something not found.
/// </summary>
public sealed class BilingualProblemTests
{
    [Fact]
    public async Task Refusals_give_their_reason_in_Chinese_as_well()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 5, 20, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();

        var window = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2023, 1, 10))), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("GS-9d", Chinese(window), StringComparison.Ordinal);

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var renewal = right["workflows"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == "renewal")!["instanceId"]!.GetValue<string>();
        var missing = await ProblemAssert.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { reason = "继续勘查" } }), HttpStatusCode.BadRequest);
        Assert.Contains("申请延续年限", Chinese(missing), StringComparison.Ordinal);
        Assert.Contains("termYears", missing["errors"]!.AsObject().Select(e => e.Key));

        var tooLong = await ProblemAssert.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { termYears = 3, reason = "继续勘查" } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TERM", tooLong["ruleId"]!.GetValue<string>());
        Chinese(tooLong);

        var unknown = await ProblemAssert.ReadAsync(await holder.Client.GetAsync($"/api/deadlines/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.StartsWith("未找到", Chinese(unknown), StringComparison.Ordinal);
    }

    /// <summary>The Chinese reason, checked to be Chinese and different from the English one.</summary>
    private static string Chinese(JsonObject problem)
    {
        var zh = problem["detailZh"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No detailZh in {problem.ToJsonString()}");
        Assert.Contains(zh, c => c is >= '\u4e00' and <= '\u9fff');
        Assert.NotEqual(problem["detail"]!.GetValue<string>(), zh);
        return zh;
    }
}
