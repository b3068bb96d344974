using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// The ground check at intake (GS-8b) and what the pool shows (GS-8a): overlaps refused with the other block or right
/// and the area, touching allowed, invalid polygons refused on "corners", priority minerals first, holders see only
/// what they won. Each test has its own database, so the squares are drawn at fixed places near 95°E, 41°N (肃北).
/// </summary>
public sealed class OverlapTests
{
    private const double Side = 0.05;
    private const double Lon = 95.0;
    private const double Lat = 41.0;

    // CGCS2000 ellipsoid.
    private const double SemiMajorKm = 6378.137;
    private const double Flattening = 1 / 298.257222101;

    [Fact]
    public async Task A_block_overlapping_a_live_block_is_refused_naming_that_block_and_the_overlap_in_km2()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var first = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));
        var code = first["code"]!.GetValue<string>();

        // Shifted east by half a side: the two share a strip 0.025° wide and 0.05° high.
        var response = await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon + (Side / 2), Lat)));

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        ProblemAssert.Errors(problem, "corners");
        var detail = ProblemAssert.Detail(problem);
        Assert.Contains(code, detail, StringComparison.Ordinal);
        var expected = QuadrangleKm2(Side / 2, Lat, Lat + Side);
        Assert.InRange(expected, 11.5, 11.8);
        var reported = OverlapIn(detail, code);
        Assert.True(Math.Abs(reported - expected) <= expected * 0.01, $"Overlap {reported} km², expected about {expected:0.####} km²: {detail}");
        Assert.Equal(1, await CountAsync(world.Authority));
    }

    [Fact]
    public async Task Blocks_that_share_a_side_or_touch_at_a_corner_are_both_added()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));

        var eastNeighbour = await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon + Side, Lat)));
        await Api.ReadAsync(eastNeighbour, HttpStatusCode.Created);

        // North-west of the first: its south-east corner is the first square's north-west corner, and nothing more.
        var cornerNeighbour = await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon - Side, Lat + Side)));
        await Api.ReadAsync(cornerNeighbour, HttpStatusCode.Created);

        Assert.Equal(3, await CountAsync(world.Authority));
    }

    [Theory]
    [InlineData("notClosed")]
    [InlineData("twoDistinctCorners")]
    [InlineData("bowTie")]
    [InlineData("outsideChina")]
    [InlineData("missing")]
    [InlineData("empty")]
    public async Task An_invalid_polygon_is_refused_with_an_error_on_corners_and_nothing_is_written(string kind)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon + 1, Lat)));
        var before = await CountAsync(world.Authority);

        var body = RequestBody.Edit(ListingWorld.Block(ListingWorld.Square(Lon, Lat)), block =>
        {
            if (kind == "missing")
            {
                block.Remove("corners");
                return;
            }

            var corners = kind switch
            {
                "notClosed" => [[Lon, Lat], [Lon + Side, Lat], [Lon + Side, Lat + Side], [Lon, Lat + Side]],
                "twoDistinctCorners" => [[Lon, Lat], [Lon + Side, Lat], [Lon + Side, Lat], [Lon, Lat]],
                "bowTie" => [[Lon, Lat], [Lon + Side, Lat + Side], [Lon + Side, Lat], [Lon, Lat + Side], [Lon, Lat]],
                "outsideChina" => ListingWorld.Square(10, Lat),
                "empty" => [],
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of invalid polygon."),
            };
            block["corners"] = System.Text.Json.JsonSerializer.SerializeToNode(corners);
        });

        var problem = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", body), HttpStatusCode.UnprocessableEntity);

        ProblemAssert.Errors(problem, "corners");
        var expectedWords = kind switch
        {
            "notClosed" => "not closed",
            "twoDistinctCorners" => "2 distinct corner",
            "bowTie" => "self-intersecting",
            "outsideChina" => "longitude 10",
            _ => "missing",
        };
        Assert.Contains(expectedWords, ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(world.Authority));
    }

    [Fact]
    public async Task A_block_over_a_right_registered_through_the_listing_is_refused_naming_the_licence_number()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync("en");
        var corners = ListingWorld.Square(Lon, Lat);
        var (blockId, blockCode, licenseNumber) = await RegisteredThroughListingAsync(world, holder, corners);

        // The winner sees the block it won, and only that one.
        var seen = await Api.ReadAsync(await holder.Client.GetAsync("/api/blocks"), HttpStatusCode.OK);
        Assert.Equal([blockId], seen["items"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));

        // A quarter of the right's square, inside it.
        var inside = ListingWorld.Square(Lon + (Side / 4), Lat + (Side / 4), Side / 2);
        var problem = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(inside)), HttpStatusCode.UnprocessableEntity);

        ProblemAssert.Errors(problem, "corners");
        var detail = ProblemAssert.Detail(problem);
        Assert.Contains(licenseNumber, detail, StringComparison.Ordinal);

        // The registered block gave its ground to the right: it is not named a second time as a live block.
        Assert.DoesNotContain(blockCode, detail, StringComparison.Ordinal);
        var expected = QuadrangleKm2(Side / 2, Lat + (Side / 4), Lat + (Side * 3 / 4));
        var reported = OverlapIn(detail, licenseNumber);
        Assert.True(Math.Abs(reported - expected) <= expected * 0.01, $"Overlap {reported} km², expected about {expected:0.####} km²: {detail}");
    }

    [Fact]
    public async Task The_pool_lists_priority_mineral_blocks_first()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var limestone = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat), minerals: ["石灰岩"]));
        var copper = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon + 1, Lat), minerals: ["铜", "石灰岩"]));
        Assert.False(limestone["priorityMineral"]!.GetValue<bool>());
        Assert.True(copper["priorityMineral"]!.GetValue<bool>());

        var page = await Api.ReadAsync(await world.Authority.GetAsync("/api/blocks"), HttpStatusCode.OK);

        var items = page["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(copper["id"]!.GetValue<string>(), items[0]!["id"]!.GetValue<string>());
        Assert.True(items[0]!["priorityMineral"]!.GetValue<bool>());
        Assert.Equal(limestone["id"]!.GetValue<string>(), items[1]!["id"]!.GetValue<string>());
        Assert.False(items[1]!["priorityMineral"]!.GetValue<bool>());

        // Page by page the order holds across the boundary between priority and other blocks.
        var marble = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon + 2, Lat), minerals: ["大理岩"]));
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? "/api/blocks?pageSize=1" : $"/api/blocks?pageSize=1&cursor={Uri.EscapeDataString(cursor)}";
            var one = await Api.ReadAsync(await world.Authority.GetAsync(url), HttpStatusCode.OK);
            walked.AddRange(one["items"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
            cursor = one["next"]?.GetValue<string>();
        }
        while (cursor is not null && walked.Count < 10);

        Assert.Equal(3, walked.Count);
        Assert.Equal(copper["id"]!.GetValue<string>(), walked[0]);
        Assert.Equal(
            new[] { limestone["id"]!.GetValue<string>(), marble["id"]!.GetValue<string>() }.Order(StringComparer.Ordinal),
            walked.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_holder_sees_no_pool_block_and_gets_the_same_404_as_for_an_unknown_id()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync("en");
        var block = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));
        var blockId = block["id"]!.GetValue<string>();
        var unknownId = Guid.NewGuid().ToString();

        var page = await Api.ReadAsync(await holder.Client.GetAsync("/api/blocks"), HttpStatusCode.OK);
        Assert.Equal(0, page.ItemCount());

        var existing = await ProblemAssert.ReadAsync(await holder.Client.GetAsync($"/api/blocks/{blockId}"), HttpStatusCode.NotFound);
        var missing = await ProblemAssert.ReadAsync(await holder.Client.GetAsync($"/api/blocks/{unknownId}"), HttpStatusCode.NotFound);
        existing.Remove("traceId");
        missing.Remove("traceId");
        Assert.Equal(
            missing.ToJsonString().Replace(unknownId, "{id}", StringComparison.OrdinalIgnoreCase),
            existing.ToJsonString().Replace(blockId, "{id}", StringComparison.OrdinalIgnoreCase));

        // The authority does see it: the 404 is about the holder, not the block.
        await world.GetBlockAsync(blockId);
    }

    /// <summary>Plan, auction, transaction, contract, first payment and registration, all through the API.</summary>
    private static async Task<(string BlockId, string BlockCode, string LicenseNumber)> RegisteredThroughListingAsync(ListingWorld world, TestHolder holder, double[][] corners)
    {
        await world.PlanAsync("620923", 2025, 10);
        var block = await world.AddBlockAsync(ListingWorld.Block(corners));
        var blockId = block["id"]!.GetValue<string>();
        await Api.ReadAsync(await world.PlanBlockAsync(blockId, 2025), HttpStatusCode.OK);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 1_000_000m }), HttpStatusCode.OK);

        // Announced on 3 March, the 20 days (AnnouncementDays) end with 23 March.
        await world.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 10));
        Assert.Equal("awaitingOutcome", await world.StateAsync(blockId));

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 1_200_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(
            await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", ListingWorld.ContractByAmount(1_200_000m, 120_000m, new DateOnly(2025, 4, 10), new DateOnly(2025, 9, 30))),
            HttpStatusCode.Created);
        var contractId = contract["id"]!.GetValue<string>();
        await Api.ReadAsync(
            await world.Authority.PostAsJsonAsync($"/api/contracts/{contractId}/payments", new { installment = 1, amount = 120_000m, paidOn = "2025-03-24", reference = "BANK-0324-0001" }),
            HttpStatusCode.OK);
        Assert.Equal("paid", await world.StateAsync(blockId));

        var licenseNumber = Api.NewLicenseNumber("T");
        var right = await Api.ReadAsync(
            await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration", new { licenseNumber, expiresOn = "2028-03-23" }),
            HttpStatusCode.Created);
        Assert.Equal(licenseNumber, right["licenseNumber"]!.GetValue<string>());
        Assert.Equal("registered", (await world.GetBlockAsync(blockId))["status"]!.GetValue<string>());
        return (blockId, block["code"]!.GetValue<string>(), licenseNumber);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await Api.ReadAsync(await client.GetAsync("/api/blocks?pageSize=100"), HttpStatusCode.OK)).ItemCount();

    /// <summary>The km² the refusal gives after "<paramref name="label"/> (".</summary>
    private static double OverlapIn(string detail, string label)
    {
        var start = detail.IndexOf(label + " (", StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{label} (' not in: {detail}");
        start += label.Length + 2;
        var end = detail.IndexOf(" km²", start, StringComparison.Ordinal);
        Assert.True(end > start, $"No area after '{label}' in: {detail}");
        return double.Parse(detail[start..end], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A lon/lat quadrangle's area on the ellipsoid, roughly: the meridian and parallel lengths of a degree at the middle
    /// latitude times the spans. Good to far better than the 1% the tests allow for cells of a few km.
    /// </summary>
    internal static double QuadrangleKm2(double lonSpan, double south, double north)
    {
        var e2 = Flattening * (2 - Flattening);
        var phi = (south + north) / 2 * Math.PI / 180;
        var w = 1 - (e2 * Math.Sin(phi) * Math.Sin(phi));
        var meridianKmPerDegree = SemiMajorKm * (1 - e2) / Math.Pow(w, 1.5) * Math.PI / 180;
        var parallelKmPerDegree = SemiMajorKm * Math.Cos(phi) / Math.Sqrt(w) * Math.PI / 180;
        return lonSpan * parallelKmPerDegree * (north - south) * meridianKmPerDegree;
    }
}
