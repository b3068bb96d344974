using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Imports;

namespace MiningRights.BrowserTests;

/// <summary>
/// The authority imports its register through the page: a file with one bad row is checked (the dry run lists the row,
/// its column and the problem, and registers nothing), fixed, imported, and the imported right opens from the report.
/// </summary>
public sealed class ImportPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task An_authority_checks_a_register_with_a_bad_row_fixes_it_imports_it_and_finds_the_right()
    {
        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, officer);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));
        await page.GotoAsync("/imports");

        var good = RegisterFile.Row(1, "browser").WithSquare(1);
        var bad = RegisterFile.Row(2, "browser");
        bad["kind"] = "金矿权";
        await page.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "甘肃省登记簿.csv", MimeType = "text/csv", Buffer = RegisterFile.Csv([good, bad]) });
        await page.Locator("#dry-run").ClickAsync();

        var report = page.Locator("#import-report");
        await report.WaitForAsync();
        Assert.Equal("甘肃省登记簿.csv", await page.Locator("#file-name").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#count-new").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#count-refused").InnerTextAsync());
        var problem = page.Locator("#problems tbody tr");
        Assert.Equal(1, await problem.CountAsync());
        Assert.Equal("3", await problem.Locator("td").Nth(0).InnerTextAsync());
        Assert.Equal("矿业权类型", await problem.Locator("td").Nth(1).InnerTextAsync());
        Assert.Contains("金矿权", await problem.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(page, "import-report");

        // Nothing was registered by the dry run: the licence number has no link yet.
        Assert.Equal(0, await page.Locator("#rights-taken a.license").CountAsync());

        bad["kind"] = "探矿权";
        await page.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "甘肃省登记簿.csv", MimeType = "text/csv", Buffer = RegisterFile.Csv([good, bad]) });
        await page.Locator("#import").ClickAsync();
        await page.Locator("#import-report h2", new() { HasText = "导入结果" }).WaitForAsync();
        Assert.Equal("2", await page.Locator("#count-new").InnerTextAsync());
        Assert.Equal("0", await page.Locator("#count-refused").InnerTextAsync());

        await page.Locator("#rights-taken a.license", new() { HasText = good["licenseNumber"] }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/rights/[0-9a-f-]{36}$"));
        Assert.Equal(good["licenseNumber"], await page.Locator("#license-number").InnerTextAsync());
        Assert.Contains("马鬃山金矿普查1", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }
}
