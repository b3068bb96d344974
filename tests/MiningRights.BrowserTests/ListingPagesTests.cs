using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;
using MiningRights.Listing;

namespace MiningRights.BrowserTests;

/// <summary>
/// The listing pipeline through its page: the blocks by stage, and the pool on a map over the province's outline with
/// the rights around it and any overlap drawn in red. The intake refuses overlapping ground, so the overlap here is a
/// right's ground imported from before the service, written to the database directly.
/// </summary>
public sealed class ListingPagesTests(BrowserService service) : IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_pipeline_counts_each_stage_and_the_map_shows_an_overlap_with_an_imported_right_in_red()
    {
        var world = await ListingWorld.StartAsync(service.Factory);
        await world.PlanAsync("620923", 2025, 1000);
        var pooled = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(96.0, 41.0)));
        var planned = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(96.2, 41.0)));
        await Api.ReadAsync(await world.PlanBlockAsync(planned["id"]!.GetValue<string>(), 2025), HttpStatusCode.OK);
        var holder = await service.Api.HolderAsync();
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        await using (var scope = service.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.Footprints.Add(Footprint.Of(Footprint.RightOwner, Guid.Parse(right["id"]!.GetValue<string>()),
                BlockPolygon.FromCorners(ListingWorld.Square(96.02, 41.02).Select(c => (IReadOnlyList<double>)c).ToList())));
            await db.SaveChangesAsync();
        }

        var officer = await service.AccountAsync("Authority", "620000");
        var page = await service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, officer);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));
        await page.GotoAsync("/listing");
        Assert.True(int.Parse(await page.Locator("article[data-stage=Pool] .count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await page.Locator("article[data-stage=Planned] .count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("Pool", await page.Locator($"#blocks tr[data-block='{pooled["code"]}']").GetAttributeAsync("data-stage"));
        Assert.Equal("Planned", await page.Locator($"#blocks tr[data-block='{planned["code"]}']").GetAttributeAsync("data-stage"));
        Assert.Contains("1 处范围重叠", await page.Locator("#overlaps").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#pool-map[data-drawn=true][data-outline='620000']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#pool-map path[stroke='#b00020']").CountAsync());
        await BrowserService.ScreenshotAsync(page, "officer-listing");
    }
}
