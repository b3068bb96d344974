using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Registration;

/// <summary>
/// A right's first term is the law's on its registration date, on every path that registers one: an exploration
/// licence at most 3 years until 2025-06-30 and 5 from 2025-07-01 (CN-TERM); a mining licence at most its scale's cap,
/// 30, 20 or 10 years, the largest where no scale is known (CN-SCALE). A longer term is refused with 422 naming the rule,
/// in both languages, and nothing is written.
/// </summary>
public sealed class TermLawTests
{
    [Fact]
    public async Task CN_TERM_an_exploration_licence_runs_at_most_3_years_until_30_June_2025_and_5_years_from_1_July_2025()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 7, 10, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        var refused = await RefusedAsync(authority, Exploration(holder.Id, "2025-06-30", "2028-07-01"), "CN-TERM");
        Assert.Contains("at most 3 years", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        Assert.Contains("2028-06-30", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        Assert.Contains("3 年", refused["detailZh"]!.GetValue<string>(), StringComparison.Ordinal);
        await RegisteredAsync(authority, Exploration(holder.Id, "2025-06-30", "2028-06-30"));

        var underNewLaw = await RefusedAsync(authority, Exploration(holder.Id, "2025-07-01", "2030-07-02"), "CN-TERM");
        Assert.Contains("at most 5 years", ProblemAssert.Detail(underNewLaw), StringComparison.Ordinal);
        await RegisteredAsync(authority, Exploration(holder.Id, "2025-07-01", "2030-07-01"));
    }

    [Fact]
    public async Task CN_SCALE_a_mining_licence_runs_at_most_its_scale_s_cap_and_30_years_where_the_scale_is_not_known()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");

        var small = await RefusedAsync(authority, Mining(holder.Id, "small", "2035-03-02"), "CN-SCALE");
        Assert.Contains("small mine", ProblemAssert.Detail(small), StringComparison.Ordinal);
        Assert.Contains("小型矿山", small["detailZh"]!.GetValue<string>(), StringComparison.Ordinal);
        var right = await RegisteredAsync(authority, Mining(holder.Id, "small", "2035-03-01"));
        Assert.Equal("Small", right["mineScale"]!.GetValue<string>());

        await RefusedAsync(authority, Mining(holder.Id, "medium", "2045-03-02"), "CN-SCALE");
        await RegisteredAsync(authority, Mining(holder.Id, "medium", "2045-03-01"));
        await RefusedAsync(authority, Mining(holder.Id, null, "2055-03-02"), "CN-SCALE");
        await RegisteredAsync(authority, Mining(holder.Id, null, "2055-03-01"));

        // A scale is a mining licence's: an exploration right that names one is bad input.
        var explorationWithScale = RequestBody.Edit(Exploration(holder.Id, "2025-03-01", "2028-03-01"), b => b["mineScale"] = "small");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", explorationWithScale), HttpStatusCode.BadRequest), "mineScale");
    }

    [Fact]
    public async Task CN_TERM_a_transferred_block_is_not_registered_for_longer_than_the_law_allows()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var blockId = await world.PlannedBlockAsync(2025);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "TL-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses = Array.Empty<object>(),
        }), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        var rightsBefore = await TotalAsync(world.Authority, "/api/rights");
        var deadlinesBefore = await TotalAsync(world.Authority, "/api/deadlines");

        // Registered on 24 March 2025: five years was the old practice of this test data, three is the law.
        var refused = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2030-03-23" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TERM", refused["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(refused, "expiresOn");
        Assert.Equal("paid", await world.StateAsync(blockId));
        Assert.Equal(rightsBefore, await TotalAsync(world.Authority, "/api/rights"));
        Assert.Equal(deadlinesBefore, await TotalAsync(world.Authority, "/api/deadlines"));

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-24" }), HttpStatusCode.Created);
        Assert.Equal("registered", await world.StateAsync(blockId));
    }

    private static JsonObject Exploration(Guid holderId, string registeredOn, string expiresOn) =>
        RequestBody.Edit(Api.ExplorationRight(holderId, DateOnly.Parse(registeredOn, System.Globalization.CultureInfo.InvariantCulture), deferral: null), b => b["expiresOn"] = expiresOn);

    private static object Mining(Guid holderId, string? scale, string expiresOn) => new
    {
        licenseNumber = Api.NewLicenseNumber("C"),
        kind = "mining",
        holderId,
        projectName = "石灰岩矿开采",
        minerals = new[] { "石灰岩" },
        areaKm2 = 1.5m,
        locationCountyCode = "620923",
        authorityCode = "620000",
        transferMode = "agreement",
        blankArea = false,
        registeredOn = "2025-03-01",
        expiresOn,
        mineScale = scale,
    };

    /// <summary>Refused under <paramref name="rule"/> on expiresOn, in both languages; no right or deadline written.</summary>
    private static async Task<JsonObject> RefusedAsync(HttpClient officer, object body, string rule)
    {
        var rightsBefore = await TotalAsync(officer, "/api/rights");
        var deadlinesBefore = await TotalAsync(officer, "/api/deadlines");
        var problem = await ProblemAssert.ReadAsync(await officer.PostAsJsonAsync("/api/rights", body), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(rule, problem["ruleId"]!.GetValue<string>());
        Assert.Contains(rule, problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["detailZh"]?.GetValue<string>()), problem.ToJsonString());
        ProblemAssert.Errors(problem, "expiresOn");
        Assert.Equal(rightsBefore, await TotalAsync(officer, "/api/rights"));
        Assert.Equal(deadlinesBefore, await TotalAsync(officer, "/api/deadlines"));
        return problem;
    }

    private static async Task<JsonObject> RegisteredAsync(HttpClient officer, object body) =>
        await Api.ReadAsync(await officer.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await Api.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK)).ItemCount();
}
