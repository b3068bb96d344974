using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Who may act on blocks and contracts, ground taken by two intakes at once, a right registered with its own corners,
/// and a signed contract changed only by a recorded amendment.
/// </summary>
public sealed class BlockDecisionTests
{
    [Fact]
    public async Task Of_two_overlapping_blocks_added_at_the_same_moment_exactly_one_is_taken()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var second = await world.Api.AuthorityAsync();
        for (var round = 0; round < 4; round++)
        {
            var corners = ListingWorld.FreshSquare(0.1);
            var shifted = corners.Select(c => new[] { c[0] + 0.05, c[1] }).ToArray();
            var answers = await Task.WhenAll(
                world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(corners)),
                second.PostAsJsonAsync("/api/blocks", ListingWorld.Block(shifted)));

            var codes = answers.Select(a => a.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], codes);
        }
    }

    [Fact]
    public async Task Only_the_transferring_authority_or_above_decides_on_a_block_and_holders_and_inspectors_add_none()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var blockId = await world.PlannedBlockAsync(2025);

        // A county officer sees the province's block in its county but may not announce it.
        var county = await world.Api.AuthorityAsync("620923");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/blocks/{blockId}")).StatusCode);
        var refused = await ProblemAssert.ReadAsync(await county.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 100m }), HttpStatusCode.Forbidden);
        Assert.Contains("620000", ProblemAssert.Detail(refused), StringComparison.Ordinal);

        // Another city's officer does not even see it.
        var elsewhere = await world.Api.AuthorityAsync("620100");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/blocks/{blockId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/blocks/{blockId}/plan", new { year = 2025 })).StatusCode);

        // Holders and inspectors add no blocks and announce nothing.
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        foreach (var client in new[] { holder.Client, inspector })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.FreshSquare()))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 100m })).StatusCode);
        }

        Assert.Equal("planned", (await world.GetBlockAsync(blockId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_right_registered_with_its_corners_keeps_its_polygon_and_its_ground()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var corners = ListingWorld.FreshSquare(0.1);
        var request = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1), deferral: "exploration-plan-deferral")))!.AsObject();
        request.Remove("areaKm2");
        request["corners"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(corners));

        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync("/api/rights", request), HttpStatusCode.Created);

        // The area is the polygon's, on the ellipsoid (a 0.1° square between 25° and 45° N is about 87–112 km²), not the request's.
        Assert.InRange(right["areaKm2"]!.GetValue<decimal>(), 85m, 113m);
        var over = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(corners)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(right["licenseNumber"]!.GetValue<string>(), ProblemAssert.Detail(over), StringComparison.Ordinal);

        // A second right on the same ground is refused too, and nothing of it is kept.
        request["licenseNumber"] = Api.NewLicenseNumber("T");
        await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/rights", request), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await world.Authority.GetAsync($"/api/rights?licenseNumber={request["licenseNumber"]}")).StatusCode);
        var found = await Api.ReadAsync(await world.Authority.GetAsync($"/api/rights?licenseNumber={request["licenseNumber"]}"), HttpStatusCode.OK);
        Assert.Equal(0, found.ItemCount());
    }

    [Fact]
    public async Task A_signed_contract_changes_only_by_a_recorded_amendment_that_keeps_the_text_before_and_after()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var blockId = await world.PlannedBlockAsync(2025);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "tender", reservePrice = 100_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(100_000m, 100_000m, new DateOnly(2025, 4, 20), new DateOnly(2025, 4, 20))), HttpStatusCode.Created);
        var id = contract["id"]!.GetValue<string>();

        // Signing twice is refused: the contract exists.
        Assert.Equal(HttpStatusCode.Conflict, (await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(100_000m, 100_000m, new DateOnly(2025, 4, 20), new DateOnly(2025, 4, 20)))).StatusCode);

        var amended = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{id}/amendments", new
        {
            reason = "补充协议：调整勘查投入",
            clauses = new object[]
            {
                new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于80万元", textEn = "At least 800,000 yuan of exploration investment each contract year", amountYuan = 800000m },
                new { number = "第十一条", kind = "geologicalData", textZh = "按规定汇交地质资料", textEn = "Submit geological data as required" },
            },
        }), HttpStatusCode.OK);

        var clauses = amended["clauses"]!.AsArray();
        Assert.Equal(3, clauses.Count);
        var eight = clauses.Single(c => c!["number"]!.GetValue<string>() == "第八条")!;
        Assert.Equal(800_000m, eight["amountYuan"]!.GetValue<decimal>());
        Assert.Equal(1, eight["amendmentSequence"]!.GetValue<int>());
        var amendment = amended["amendments"]!.AsArray().Single()!;
        Assert.Contains("500,000", amendment["change"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("800,000", amendment["change"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(contract["totalIncome"]!.GetValue<decimal>(), amended["totalIncome"]!.GetValue<decimal>());

        // The holder reads the amended contract but amends nothing.
        Assert.Equal(HttpStatusCode.OK, (await holder.Client.GetAsync($"/api/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.Client.PostAsJsonAsync($"/api/contracts/{id}/amendments", new { reason = "x", clauses = Array.Empty<object>() })).StatusCode);
    }
}
