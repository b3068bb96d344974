using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Annual transfer plans: a full plan refuses a block (CN-TRANSFER), a county without a plan uses its city's, ZJ-25
/// blocks draw the provincial reserve and then go ahead outside the plan, and a failed listing gives its quota back.
/// Each test has its own database, so squares are drawn at fixed, separate places.
/// </summary>
public sealed class QuotaTests
{
    private const int Year = 2025;

    [Fact]
    public async Task A_full_plan_refuses_the_next_block_under_CN_TRANSFER_and_leaves_it_in_the_pool()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.PlanAsync("620923", Year, 1);
        var first = await AddAsync(world, ListingWorld.Block(Gansu(0)));
        var second = await AddAsync(world, ListingWorld.Block(Gansu(1)));

        var planned = await Api.ReadAsync(await world.PlanBlockAsync(first, Year), HttpStatusCode.OK);
        Assert.Equal("planned", planned["status"]!.GetValue<string>());
        Assert.Equal("local", planned["quotaSource"]!.GetValue<string>());

        var problem = await ProblemAssert.ReadAsync(await world.PlanBlockAsync(second, Year), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("CN-TRANSFER", problem["ruleId"]!.GetValue<string>());
        Assert.Contains("620923", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var refused = await world.GetBlockAsync(second);
        Assert.Equal("pool", refused["status"]!.GetValue<string>());
        Assert.Equal("none", refused["quotaSource"]!.GetValue<string>());
        Assert.Null(refused["planId"]);
        var plan = await PlanAsync(world.Authority, "620923");
        Assert.Equal(1, plan["used"]!.GetValue<int>());
        Assert.Equal(0, plan["left"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_county_without_a_plan_uses_its_citys_plan()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var cityPlan = await world.PlanAsync("620900", Year, 1);
        var block = await AddAsync(world, ListingWorld.Block(Gansu(0), county: "620923"));

        var planned = await Api.ReadAsync(await world.PlanBlockAsync(block, Year), HttpStatusCode.OK);

        Assert.Equal("planned", planned["status"]!.GetValue<string>());
        Assert.Equal("local", planned["quotaSource"]!.GetValue<string>());
        Assert.Equal(cityPlan["id"]!.GetValue<string>(), planned["planId"]!.GetValue<string>());
        Assert.Equal(1, (await PlanAsync(world.Authority, "620900"))["used"]!.GetValue<int>());

        // The city's quota is the county's too: a second block of another county of the city finds it full.
        var other = await AddAsync(world, ListingWorld.Block(Gansu(1), county: "620924"));
        var problem = await ProblemAssert.ReadAsync(await world.PlanBlockAsync(other, Year), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TRANSFER", problem["ruleId"]!.GetValue<string>());
        Assert.Contains("620900", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ZJ_25_block_draws_the_provincial_reserve_then_goes_ahead_outside_the_plan_while_ordinary_blocks_are_refused()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "330000");
        await world.PlanAsync("330522", Year, 1);
        var reserve = await world.PlanAsync("330000", Year, 1);
        Assert.True(reserve["provincialReserve"]!.GetValue<bool>());

        var ordinary = await AddAsync(world, ListingWorld.Block(Zhejiang(0), county: "330522"));
        var local = await Api.ReadAsync(await world.PlanBlockAsync(ordinary, Year), HttpStatusCode.OK);
        Assert.Equal("local", local["quotaSource"]!.GetValue<string>());

        // Local quota used up: the first large sand-gravel-earth block for a major project takes the reserve.
        var firstSand = await AddAsync(world, SandGravelEarth(Zhejiang(1), majorProject: true));
        var drawn = await Api.ReadAsync(await world.PlanBlockAsync(firstSand, Year), HttpStatusCode.OK);
        Assert.Equal("planned", drawn["status"]!.GetValue<string>());
        Assert.Equal("provincialReserve", drawn["quotaSource"]!.GetValue<string>());
        Assert.Equal(reserve["id"]!.GetValue<string>(), drawn["planId"]!.GetValue<string>());
        var reserveAfter = await PlanAsync(world.Authority, "330000");
        Assert.Equal(1, reserveAfter["used"]!.GetValue<int>());
        Assert.Equal(0, reserveAfter["left"]!.GetValue<int>());

        // No reserve left either: ZJ-25 says such a block is not limited by the plan.
        var secondSand = await AddAsync(world, SandGravelEarth(Zhejiang(2), majorProject: true));
        var exempt = await Api.ReadAsync(await world.PlanBlockAsync(secondSand, Year), HttpStatusCode.OK);
        Assert.Equal("planned", exempt["status"]!.GetValue<string>());
        Assert.Equal("exempt", exempt["quotaSource"]!.GetValue<string>());
        Assert.Equal(1, (await PlanAsync(world.Authority, "330000"))["used"]!.GetValue<int>());
        Assert.Equal(1, (await PlanAsync(world.Authority, "330522"))["used"]!.GetValue<int>());

        // An ordinary block finds the plan full; so does a large sand block that is not for a major project.
        var another = await AddAsync(world, ListingWorld.Block(Zhejiang(3), county: "330522"));
        var refused = await ProblemAssert.ReadAsync(await world.PlanBlockAsync(another, Year), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TRANSFER", refused["ruleId"]!.GetValue<string>());
        var notMajor = await AddAsync(world, SandGravelEarth(Zhejiang(4), majorProject: false));
        var alsoRefused = await ProblemAssert.ReadAsync(await world.PlanBlockAsync(notMajor, Year), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TRANSFER", alsoRefused["ruleId"]!.GetValue<string>());
        Assert.Equal("pool", (await world.GetBlockAsync(another))["status"]!.GetValue<string>());
        Assert.Equal("pool", (await world.GetBlockAsync(notMajor))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_ZJ_25_exemption_does_not_apply_outside_Zhejiang()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.PlanAsync("620923", Year, 1);
        await Api.ReadAsync(await world.PlanBlockAsync(await AddAsync(world, ListingWorld.Block(Gansu(0))), Year), HttpStatusCode.OK);

        // Everything ZJ-25 asks for, but in Gansu (肃北), where the Zhejiang notice has no force.
        var sand = await AddAsync(world, ListingWorld.Block(Gansu(1), county: "620923", kind: "mining", minerals: ["砂石土"], blankArea: false, majorProject: true, mineScale: "large"));
        var problem = await ProblemAssert.ReadAsync(await world.PlanBlockAsync(sand, Year), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("CN-TRANSFER", problem["ruleId"]!.GetValue<string>());
        Assert.Equal("pool", (await world.GetBlockAsync(sand))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_listing_without_a_bidder_returns_the_block_to_the_pool_and_gives_its_quota_back()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.PlanAsync("620923", Year, 1);
        var block = await AddAsync(world, ListingWorld.Block(Gansu(0)));
        await Api.ReadAsync(await world.PlanBlockAsync(block, Year), HttpStatusCode.OK);
        Assert.Equal(1, (await PlanAsync(world.Authority, "620923"))["used"]!.GetValue<int>());
        var announced = await Api.ReadAsync(
            await world.Authority.PostAsJsonAsync($"/api/blocks/{block}/listing", new { method = "listing", reservePrice = 800_000m }), HttpStatusCode.OK);
        var instanceId = announced["instanceId"]!.GetValue<string>();

        // Announced on 3 March: the 20 days (AnnouncementDays) end with 23 March.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 10));
        Assert.Equal("awaitingOutcome", await world.StateAsync(block));

        var signal = await world.Authority.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/noBidder", new { note = "无人报名竞买" });
        Assert.True(signal.IsSuccessStatusCode, $"noBidder: {(int)signal.StatusCode} {await signal.Content.ReadAsStringAsync()}");

        var back = await world.GetBlockAsync(block);
        Assert.Equal("pool", back["status"]!.GetValue<string>());
        Assert.Equal("none", back["quotaSource"]!.GetValue<string>());
        Assert.Null(back["planId"]);
        Assert.Equal("failed", back["workflows"]!.AsArray().Last()!["state"]!.GetValue<string>());
        var plan = await PlanAsync(world.Authority, "620923");
        Assert.Equal(0, plan["used"]!.GetValue<int>());
        Assert.Equal(1, plan["left"]!.GetValue<int>());

        // The quota given back can be used again, by the same block.
        var again = await Api.ReadAsync(await world.PlanBlockAsync(block, Year), HttpStatusCode.OK);
        Assert.Equal("planned", again["status"]!.GetValue<string>());
        Assert.Equal(1, (await PlanAsync(world.Authority, "620923"))["used"]!.GetValue<int>());
    }

    private static double[][] Gansu(int n) => ListingWorld.Square(95 + (n * 0.1), 40);

    private static double[][] Zhejiang(int n) => ListingWorld.Square(119.6 + (n * 0.1), 30.9);

    /// <summary>A large 砂石土 mining block in 长兴县; with <paramref name="majorProject"/> it falls under ZJ-25.</summary>
    private static object SandGravelEarth(double[][] corners, bool majorProject) =>
        ListingWorld.Block(corners, county: "330522", kind: "mining", minerals: ["砂石土"], blankArea: false, majorProject: majorProject, mineScale: "large");

    private static async Task<string> AddAsync(ListingWorld world, object block) =>
        (await world.AddBlockAsync(block))["id"]!.GetValue<string>();

    private static async Task<JsonObject> PlanAsync(HttpClient client, string jurisdiction)
    {
        var plans = await client.GetFromJsonAsync<JsonArray>($"/api/transfer-plans?year={Year}");
        return plans!.Single(p => p!["jurisdictionCode"]!.GetValue<string>() == jurisdiction)!.AsObject();
    }
}
