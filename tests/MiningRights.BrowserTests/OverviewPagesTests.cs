using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Overview;

namespace MiningRights.BrowserTests;

/// <summary>
/// The officers' overview in Chromium: every figure drawn by ECharts (served by the service, under the page's
/// Content-Security-Policy) with the same numbers as the table beside it, and the drill-down from the province to a
/// city and a county and back along the trail.
/// </summary>
public sealed class OverviewPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task Each_chart_draws_its_tables_numbers_and_the_places_lead_down_to_a_county_and_back()
    {
        var today = Time.ProvinceCalendar.China.DateAt(Service.Factory.Clock.GetUtcNow());
        await OverviewWorld.SeedAsync(Service.Factory.Services, today, Guid.NewGuid());
        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, officer);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));

        await page.GotoAsync("/officer/overview");
        var charts = await ChartsMatchTablesAsync(page);
        Assert.Equal(["chart-status", "chart-kind", "chart-places", "chart-due", "chart-overdue", "chart-cases", "chart-expiries", "chart-renewals"], charts);
        Assert.Equal("4", await page.Locator("#rights-total").InnerTextAsync());
        await BrowserService.ScreenshotAsync(page, "overview");

        // Down to 酒泉市, then to 肃北, by their rows, and back up along the trail.
        await page.Locator("#table-places a", new() { HasText = "酒泉市" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("place=620900$"));
        Assert.Equal(["甘肃省", "酒泉市"], await page.Locator("#overview-trail li").AllInnerTextsAsync());
        Assert.Equal("3", await page.Locator("#rights-total").InnerTextAsync());
        await ChartsMatchTablesAsync(page);

        await page.Locator("#table-places a", new() { HasText = "肃北蒙古族自治县" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("place=620923$"));
        Assert.Equal(["甘肃省", "酒泉市", "肃北蒙古族自治县"], await page.Locator("#overview-trail li").AllInnerTextsAsync());
        Assert.Equal("2", await page.Locator("#rights-total").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#chart-places").CountAsync());
        await ChartsMatchTablesAsync(page);

        await page.Locator("#overview-trail a", new() { HasText = "甘肃省" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("place=620000$"));
        Assert.Equal("4", await page.Locator("#rights-total").InnerTextAsync());
    }

    /// <summary>
    /// Waits for every chart to be drawn (an SVG inside its container) and checks that ECharts holds the numbers of the
    /// table beside it: series i is the table's column i, its data point j the table's row j. Answers the charts' ids.
    /// </summary>
    private static async Task<List<string>> ChartsMatchTablesAsync(IPage page)
    {
        var ids = new List<string>();
        foreach (var chart in await page.Locator(".chart").AllAsync())
        {
            var id = (await chart.GetAttributeAsync("id"))!;
            await page.Locator($"#{id}[data-drawn=true] svg").First.WaitForAsync();
            var drawn = JsonSerializer.Deserialize<int[][]>(await chart.EvaluateAsync<string>(
                "element => JSON.stringify(echarts.getInstanceByDom(element).getOption().series.map(s => s.data.map(d => typeof d === 'object' ? d.value : d)))"))!;
            var table = page.Locator($"#table-{id["chart-".Length..]} tbody tr");
            var rows = await table.CountAsync();
            for (var column = 0; column < drawn.Length; column++)
            {
                Assert.Equal(rows, drawn[column].Length);
                for (var row = 0; row < rows; row++)
                {
                    var cell = await table.Nth(row).Locator("td").Nth(column).InnerTextAsync();
                    Assert.True(drawn[column][row] == int.Parse(cell, CultureInfo.InvariantCulture), $"{id}: series {column}, point {row} is {drawn[column][row]}, the table says {cell}");
                }
            }

            ids.Add(id);
        }

        return ids;
    }
}
