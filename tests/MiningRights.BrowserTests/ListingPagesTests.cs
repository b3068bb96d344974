using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Ground;
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
public sealed class ListingPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_pipeline_counts_each_stage_and_the_map_shows_an_overlap_with_an_imported_right_in_red()
    {
        var world = await ListingWorld.StartAsync(Service.Factory);
        await world.PlanAsync("620923", 2025, 1000);
        var pooled = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(96.0, 41.0)));
        var planned = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(96.2, 41.0)));
        await Api.ReadAsync(await world.PlanBlockAsync(planned["id"]!.GetValue<string>(), 2025), HttpStatusCode.OK);
        var holder = await Service.Api.HolderAsync();
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        await using (var scope = Service.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.Footprints.Add(Footprint.Of(Footprint.RightOwner, Guid.Parse(right["id"]!.GetValue<string>()),
                BlockPolygon.FromCorners(ListingWorld.Square(96.02, 41.02).Select(c => (IReadOnlyList<double>)c).ToList())));
            await db.SaveChangesAsync();
        }

        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
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

    /// <summary>
    /// Names are typed by officers (a block) and holders (a project): on the map they are labels, and a label given to
    /// Leaflet as a string is inserted as HTML. A county officer's block named as markup must not run in the province
    /// officer's browser when the officer points at it.
    /// </summary>
    [Fact]
    public async Task A_block_name_and_a_project_name_written_as_markup_show_as_text_on_the_map_and_run_nothing()
    {
        const string BlockPayload = "<img src=x onerror=\"window.__xss='block';alert('block')\">";
        const string ProjectPayload = "<svg onload=\"window.__xss='project';alert('project')\"></svg>";
        var county = await ListingWorld.StartAsync(Service.Factory, authorityJurisdiction: "620923");
        var block = await county.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(96.6, 40.6), authority: "620923", name: BlockPayload));
        var holder = await Service.Api.HolderAsync();
        var request = System.Text.Json.JsonSerializer.SerializeToNode(Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1)))!.AsObject();
        request["projectName"] = ProjectPayload;
        var province = await ListingWorld.StartAsync(Service.Factory);
        var right = await Api.ReadAsync(await province.Authority.PostAsJsonAsync("/api/rights", request), HttpStatusCode.Created);
        await using (var scope = Service.Factory.Services.CreateAsyncScope())
        {
            // Beside the block, overlapping its east edge only, so that each shape's centre is its own to point at.
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.Footprints.Add(Footprint.Of(Footprint.RightOwner, Guid.Parse(right["id"]!.GetValue<string>()),
                BlockPolygon.FromCorners(ListingWorld.Square(96.64, 40.6).Select(c => (IReadOnlyList<double>)c).ToList())));
            await db.SaveChangesAsync();
        }

        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("en-US");
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await BrowserService.SignInAsync(page, officer);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));
        await page.GotoAsync("/listing");
        await page.Locator("#pool-map[data-drawn=true]").WaitForAsync();

        var tooltips = new HashSet<string>();
        foreach (var shape in await page.Locator("#pool-map path[stroke='#1d4ed8'], #pool-map path[stroke='#15803d']").AllAsync())
        {
            // Forced: another test's shape may lie under an overlap drawn over its centre, which then takes the pointer.
            await shape.HoverAsync(new() { Force = true });
            await page.Locator(".leaflet-tooltip").First.WaitForAsync();
            tooltips.UnionWith(await page.Locator(".leaflet-tooltip").AllTextContentsAsync());
        }

        Assert.Equal(0, await page.Locator(".leaflet-tooltip img, .leaflet-tooltip svg").CountAsync());
        Assert.Contains(tooltips, t => t == $"{block["code"]} {BlockPayload}");
        Assert.Contains(tooltips, t => t == $"{right["licenseNumber"]} {ProjectPayload}");
        Assert.Empty(dialogs);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
