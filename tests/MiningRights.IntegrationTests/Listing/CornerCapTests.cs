using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Issue 21: a polygon may have at most <c>Listing:MaxCorners</c> corners (拐点; 500 unless set). Over the cap, a block or a
/// right is refused with 422 on <c>corners</c> naming the cap, and no table gains or loses a row; at the cap it is taken.
/// </summary>
public sealed class CornerCapTests
{
    [Theory]
    [InlineData("/api/blocks")]
    [InlineData("/api/rights")]
    public async Task A_polygon_over_the_default_cap_of_500_corners_is_refused_naming_the_field_and_the_cap_and_nothing_is_written(string endpoint)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var before = await TableRows.CountAsync(factory.Services);

        var response = await world.Authority.PostAsJsonAsync(endpoint, Body(endpoint, holder, Ring(501, 95.0)));

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        var error = ProblemAssert.Errors(problem, "corners")["corners"]!.AsArray()[0]!.GetValue<string>();
        Assert.Contains("501 corners", error, StringComparison.Ordinal);
        Assert.Contains("at most 500", error, StringComparison.Ordinal);
        Assert.Contains("500", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.CountAsync(factory.Services));

        // At the cap exactly, the same request is taken.
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync(endpoint, Body(endpoint, holder, Ring(500, 96.0))), HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_cap_is_a_setting()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: new Dictionary<string, string?> { ["Listing:MaxCorners"] = "8" });
        var world = await ListingWorld.StartAsync(factory);
        var before = await TableRows.CountAsync(factory.Services);

        var problem = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(Ring(9, 95.0))), HttpStatusCode.UnprocessableEntity);

        ProblemAssert.Errors(problem, "corners");
        Assert.Contains("at most 8", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.CountAsync(factory.Services));
        await world.AddBlockAsync(ListingWorld.Block(Ring(8, 96.0)));
    }

    private static object Body(string endpoint, TestHolder holder, double[][] corners) => endpoint == "/api/blocks"
        ? ListingWorld.Block(corners)
        : RequestBody.Edit(Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1), deferral: null),
            right => right["corners"] = System.Text.Json.JsonSerializer.SerializeToNode(corners));

    /// <summary>A closed ring of <paramref name="corners"/> corners on a circle of 0.02° around (<paramref name="lon"/>, 41.0).</summary>
    private static double[][] Ring(int corners, double lon)
    {
        var ring = Enumerable.Range(0, corners)
            .Select(i => 2 * Math.PI * i / corners)
            .Select(a => new[] { lon + (0.02 * Math.Cos(a)), 41.0 + (0.02 * Math.Sin(a)) })
            .ToList();
        ring.Add(ring[0]);
        return [.. ring];
    }
}
