using System.Data.Common;
using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Listing;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Issue 21: where two shapes share ground is found when ground is written and kept (the GroundOverlaps table), and the
/// block pool page draws what is kept instead of intersecting every pair of polygons at each view. Which overlaps the
/// page shows is decided when it is read (a live block, a right in force), so a right that lapses drops off the page
/// without anything being computed again. Two intakes at once take their turns, so neither misses the other.
/// </summary>
public sealed partial class StoredOverlapTests
{
    private const double Side = 0.05;
    private const double Lon = 95.0;
    private const double Lat = 41.0;

    [Fact]
    public async Task Ground_imported_behind_the_service_is_recorded_once_and_drawn_from_the_store_until_the_right_lapses()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var block = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));
        var blockId = Guid.Parse(block["id"]!.GetValue<string>());
        var holder = await world.Api.HolderAsync();
        var (rightId, licenseNumber) = await RightAsync(world, holder, corners: null, expiresOn: "2025-04-30");

        // Shifted east by half a side: the two share a strip 0.025° wide.
        await ImportGroundAsync(factory, rightId, ListingWorld.Square(Lon + (Side / 2), Lat));

        var page = await PoolPageAsync(world);
        Assert.Equal(1, page.Overlaps);
        // A right is labelled with its licence number and project name (Api.ExplorationRight's).
        Assert.Equal([$"{block["code"]} ∩ {licenseNumber} 马鬃山金矿普查"], page.RedLabels);
        var stored = Assert.Single(await StoredAsync(factory));
        Assert.Equal((blockId, "right", rightId), (stored.BlockId, stored.OtherKind, stored.OtherId));
        var expected = OverlapTests.QuadrangleKm2(Side / 2, Lat, Lat + Side);
        Assert.True(Math.Abs((double)stored.AreaKm2 - expected) <= expected * 0.01, $"Stored {stored.AreaKm2} km², expected about {expected:0.####} km²");

        // Viewing again computes nothing more, and names the same map, which the browser may keep.
        var again = await PoolPageAsync(world);
        Assert.Equal((1, page.MapAddress), (again.Overlaps, again.MapAddress));
        using (var map = await world.Authority.GetAsync(page.MapAddress))
        {
            var kept = map.Headers.CacheControl;
            Assert.True(kept is { Private: true, MaxAge.TotalDays: 365 } && kept.Extensions.Any(e => e.Name == "immutable"), $"Cache-Control: {kept}");
        }

        Assert.Single(await StoredAsync(factory));
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.Client.GetAsync(page.MapAddress)).StatusCode);

        await LapseAsync(factory, holder, rightId);
        var after = await PoolPageAsync(world);
        Assert.Equal(0, after.Overlaps);
        Assert.Empty(after.RedLabels);
        Assert.NotEqual(page.MapAddress, after.MapAddress);

        // The ground is still shared; the right no longer holds it.
        Assert.Single(await StoredAsync(factory));
    }

    [Fact]
    public async Task A_block_added_over_a_lapsed_rights_ground_is_accepted_and_its_overlap_stored_when_added_but_not_drawn()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var (rightId, _) = await RightAsync(world, holder, ListingWorld.Square(Lon, Lat), expiresOn: "2025-04-30");
        Assert.Empty(await StoredAsync(factory));

        // While the right is in force its ground is refused; once lapsed, a block may take it.
        await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon, Lat))), HttpStatusCode.UnprocessableEntity);
        await LapseAsync(factory, holder, rightId);
        var block = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));

        var stored = Assert.Single(await StoredAsync(factory));
        Assert.Equal((Guid.Parse(block["id"]!.GetValue<string>()), "right", rightId), (stored.BlockId, stored.OtherKind, stored.OtherId));
        var whole = OverlapTests.QuadrangleKm2(Side, Lat, Lat + Side);
        Assert.True(Math.Abs((double)stored.AreaKm2 - whole) <= whole * 0.01, $"Stored {stored.AreaKm2} km², expected about {whole:0.####} km²");
        Assert.Equal(0, (await PoolPageAsync(world)).Overlaps);
    }

    [Fact]
    public async Task The_page_draws_the_stored_overlaps_and_computes_none_itself()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(Lon, Lat)));
        var holder = await world.Api.HolderAsync();
        var (rightId, _) = await RightAsync(world, holder, corners: null, expiresOn: "2028-03-01");
        await ImportGroundAsync(factory, rightId, ListingWorld.Square(Lon + (Side / 2), Lat));
        Assert.Equal(1, (await PoolPageAsync(world)).Overlaps);

        // Taken out of the store behind the service's back, the overlap is no longer drawn: the page reads the store.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "GroundOverlaps" """);
        }

        Assert.Equal(0, (await PoolPageAsync(world)).Overlaps);
    }

    [Fact]
    public async Task Two_blocks_on_the_same_ground_added_at_once_in_two_provinces_are_not_both_accepted()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var together = new CandidateReadBarrier();
        using var service = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(together)));
        var client = service.CreateClient();
        var login = await Api.ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName = ServiceFactory.AdminUser, password = ServiceFactory.Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());

        // The same square from a Gansu county and from a Zhejiang one (the catalogue has no neighbour of Gansu): ground
        // is where the corners are, whichever authority asks for it.
        var answers = await Task.WhenAll(
            client.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon, Lat), county: "620923")),
            client.PostAsJsonAsync("/api/blocks", ListingWorld.Block(ListingWorld.Square(Lon, Lat), county: "330127")));

        Assert.True(together.Reads >= 2, $"The ground was read {together.Reads} time(s).");
        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.True(statuses.SequenceEqual([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity]),
            $"Expected one block added and one refused, got {string.Join(", ", statuses)}: {string.Join(" | ", await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync())))}");
        var added = await Api.ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        var refused = await ProblemAssert.ReadAsync(answers.Single(a => a.StatusCode == HttpStatusCode.UnprocessableEntity), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(added["code"]!.GetValue<string>(), ProblemAssert.Detail(refused), StringComparison.Ordinal);
    }

    /// <summary>A right registered on 1 March 2025 through the API, with its corners or without.</summary>
    private static async Task<(Guid Id, string LicenseNumber)> RightAsync(ListingWorld world, TestHolder holder, double[][]? corners, string expiresOn)
    {
        var body = RequestBody.Edit(Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1), deferral: null), right =>
        {
            right["expiresOn"] = expiresOn;
            if (corners is not null)
            {
                right["corners"] = System.Text.Json.JsonSerializer.SerializeToNode(corners);
            }
        });
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);
        return (Guid.Parse(right["id"]!.GetValue<string>()), right["licenseNumber"]!.GetValue<string>());
    }

    /// <summary>A right's ground from before the service, written straight into the database as an import would.</summary>
    private static async Task ImportGroundAsync(ServiceFactory factory, Guid rightId, double[][] corners)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        db.Footprints.Add(Footprint.Of(Footprint.RightOwner, rightId, BlockPolygon.FromCorners(corners.Select(c => (IReadOnlyList<double>)c).ToList())));
        await db.SaveChangesAsync();
    }

    /// <summary>No renewal applied for: the right lapses the day after it expires (CN-RENEW).</summary>
    private static async Task LapseAsync(ServiceFactory factory, TestHolder holder, Guid rightId)
    {
        var expiresOn = DateOnly.Parse((await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["expiresOn"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var after = expiresOn.AddDays(2);
        for (var run = 0; run < 3; run++)
        {
            await factory.RunJobsAtAsync(TestClock.Shanghai(after.Year, after.Month, after.Day, 9 + run));
        }

        Assert.Equal("lapsed", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
    }

    /// <summary>The block pool page as the authority sees it: the overlaps it counts and the labels of what its map (fetched from the address the page names) draws in red.</summary>
    private static async Task<(int Overlaps, List<string> RedLabels, string MapAddress)> PoolPageAsync(ListingWorld world)
    {
        using var response = await world.Authority.GetAsync("/listing");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/listing answered {(int)response.StatusCode}: {html}");
        var said = OverlapsLine().Match(html);
        Assert.True(said.Success, "The page says nothing about overlaps.");
        var overlaps = OverlapCount().Match(WebUtility.HtmlDecode(said.Groups[1].Value)) is { Success: true } found ? int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var address = MapAddress().Match(html);
        Assert.True(address.Success, "The page has no map of the pool.");
        var mapAddress = WebUtility.HtmlDecode(address.Groups[1].Value);
        using var map = await world.Authority.GetAsync(mapAddress);
        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        var features = JsonNode.Parse(await map.Content.ReadAsStringAsync())!["features"]!.AsArray();
        var red = features.Where(f => f!["properties"]!["overlap"]?.GetValue<bool>() == true).Select(f => f!["properties"]!["label"]!.GetValue<string>()).ToList();
        Assert.Equal(overlaps, red.Count);
        return (overlaps, red, mapAddress);
    }

    private static async Task<List<StoredOverlap>> StoredAsync(ServiceFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        return await db.Database.SqlQueryRaw<StoredOverlap>("""SELECT "BlockId", "OtherKind", "OtherId", "AreaKm2" FROM "GroundOverlaps" """).ToListAsync();
    }

    [GeneratedRegex(@"id=""overlaps""[^>]*>([^<]*)<")]
    private static partial Regex OverlapsLine();

    [GeneratedRegex(@"^发现 (\d+) 处范围重叠")]
    private static partial Regex OverlapCount();

    [GeneratedRegex(@"id=""pool-map"" data-geometry-src=""([^""]*)""")]
    private static partial Regex MapAddress();

    private sealed record StoredOverlap(Guid BlockId, string OtherKind, Guid OtherId, decimal AreaKm2);

    /// <summary>
    /// Holds each intake's read of the ground (the footprints whose boxes meet the new polygon's) until a second intake
    /// has read it too, or 3 seconds have passed: without a lock between them, two intakes then both read the ground as
    /// it was before either wrote.
    /// </summary>
    private sealed class CandidateReadBarrier : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Footprints\"", StringComparison.Ordinal) && command.CommandText.Contains("\"MinLongitude\" <=", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _reads) >= 2)
                {
                    _second.TrySetResult();
                }

                await Task.WhenAny(_second.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }

            return result;
        }
    }
}
