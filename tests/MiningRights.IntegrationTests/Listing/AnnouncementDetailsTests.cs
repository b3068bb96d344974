using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// A listing announcement publishes what a bidder needs (issue 23): the bidding deadline, the office's contact, the
/// starting price only when the authority publishes it, and the corners (拐点) in order; it reads as ended once the
/// bidding deadline is past. A bad deadline or contact is refused and announces nothing.
/// </summary>
public sealed class AnnouncementDetailsTests
{
    [Fact]
    public async Task An_announcement_publishes_its_deadline_contact_and_corners_keeps_an_unpublished_starting_price_and_ends_after_the_deadline()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var anonymous = factory.CreateClient();
        await world.PlanAsync("620923", 2025, 5);
        var blockId = await world.PlannedBlockAsync(2025);
        var code = (await world.GetBlockAsync(blockId))["code"]!.GetValue<string>();

        // A deadline on or before today, or beyond a year, and an empty contact: refused on their fields, nothing announced.
        foreach (var (bad, field) in new (object Body, string Field)[]
        {
            (new { method = "listing", reservePrice = 1_000_000m, biddingEndsOn = "2025-03-03" }, "biddingEndsOn"),
            (new { method = "listing", reservePrice = 1_000_000m, biddingEndsOn = "2026-03-04" }, "biddingEndsOn"),
            (new { method = "listing", reservePrice = 1_000_000m, contact = "   " }, "contact"),
        })
        {
            var refused = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", bad), HttpStatusCode.BadRequest);
            Assert.NotNull(refused["errors"]![field]);
            Assert.Equal("planned", (await world.GetBlockAsync(blockId))["status"]!.GetValue<string>());
        }

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new
        {
            method = "listing", reservePrice = 1_000_000m, startingPrice = 900_000m, startingPricePublic = false,
            biddingEndsOn = "2025-03-20", contact = "酒泉市自然资源局 0937-2612345",
        }), HttpStatusCode.OK);
        var list = await Api.ReadAsync(await anonymous.GetAsync("/api/public/announcements?kind=listing&pageSize=200"), HttpStatusCode.OK);
        var notice = list["items"]!.AsArray().Single(a => a!["blockCode"]!.GetValue<string>() == code)!;
        Assert.Equal("2025-03-20", notice["biddingEndsOn"]!.GetValue<string>());
        Assert.Equal("酒泉市自然资源局 0937-2612345", notice["contact"]!.GetValue<string>());
        Assert.Null(notice["startingPrice"]);
        Assert.DoesNotContain("900000", notice.ToJsonString(), StringComparison.Ordinal);
        Assert.False(notice["ended"]!.GetValue<bool>());
        // The corners once each, in order, without the ring's closing repeat: those of the block as added.
        var block = await world.GetBlockAsync(blockId);
        var ring = block["polygon"]!["coordinates"]![0]!.AsArray();
        var published = notice["corners"]!.AsArray();
        Assert.Equal(ring.Count - 1, published.Count);
        Assert.Equal(ring[0]!.ToJsonString(), published[0]!.ToJsonString());

        // The day after the bidding deadline the notice reads as ended, while its announcement period still runs.
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 21, 9));
        var one = await Api.ReadAsync(await anonymous.GetAsync($"/api/public/announcements/{notice["id"]}"), HttpStatusCode.OK);
        Assert.True(one["ended"]!.GetValue<bool>());
        Assert.Equal("2025-03-23", one["endsOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_starting_price_is_shown_and_an_announcement_without_a_deadline_ends_with_its_period()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var anonymous = factory.CreateClient();
        await world.PlanAsync("620923", 2025, 5);
        var blockId = await world.PlannedBlockAsync(2025);
        var code = (await world.GetBlockAsync(blockId))["code"]!.GetValue<string>();
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing",
            new { method = "auction", reservePrice = 1_000_000m, startingPrice = 900_000m }), HttpStatusCode.OK);

        var notice = (await Api.ReadAsync(await anonymous.GetAsync("/api/public/announcements?kind=listing&pageSize=200"), HttpStatusCode.OK))
            ["items"]!.AsArray().Single(a => a!["blockCode"]!.GetValue<string>() == code)!;
        Assert.Equal(900_000m, notice["startingPrice"]!.GetValue<decimal>());
        Assert.Null(notice["biddingEndsOn"]);
        Assert.False(notice["ended"]!.GetValue<bool>());

        factory.Clock.Set(TestClock.Shanghai(2025, 3, 23, 23));
        Assert.False((await Api.ReadAsync(await anonymous.GetAsync($"/api/public/announcements/{notice["id"]}"), HttpStatusCode.OK))["ended"]!.GetValue<bool>());
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 24, 0, 1));
        Assert.True((await Api.ReadAsync(await anonymous.GetAsync($"/api/public/announcements/{notice["id"]}"), HttpStatusCode.OK))["ended"]!.GetValue<bool>());
    }
}
