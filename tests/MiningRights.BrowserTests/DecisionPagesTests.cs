using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// The authority withdraws a right through the case page (issue 23): facts, basis and the service's number, then a
/// confirmation naming the consequence; the decision's document opens from the case and prints alone on A4.
/// </summary>
public sealed class DecisionPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_authority_withdraws_a_right_with_reasons_basis_and_confirmation_and_prints_the_decision_document()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 10));
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 10));
        var opened = (await Api.ReadAsync(await authority.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray()
            .Single(c => c!["rightId"]!.GetValue<string>() == right["id"]!.GetValue<string>())!;
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{opened["caseInstanceId"]}/signals/recordFindings",
            new { values = new { findings = "现场核实：未提交勘查实施方案，未开展勘查工作。" } }), HttpStatusCode.OK);

        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, await Service.AccountAsync("Authority", "620000"));
        await page.WaitForURLAsync(new Regex("^(?!.*/sign-in)"));
        await page.GotoAsync($"/cases/{opened["id"]}");
        var form = page.Locator("form[data-signal=withdraw]");
        await form.Locator("textarea[name='decision.facts']").FillAsync("矿业权人逾期未提交勘查实施方案，经责令仍未开展勘查工作，构成圈而不探。");
        await form.Locator("select[name='decision.basis']").SelectOptionAsync("GS-10d");

        // The decision is not one click: the consequence is stated and must be confirmed before the button appears.
        var confirm = form.Locator("button.danger");
        Assert.False(await confirm.IsVisibleAsync());
        await form.Locator("details.confirm-decision summary").ClickAsync();
        Assert.Contains("收回后该矿业权失效", await form.Locator(".consequence").InnerTextAsync(), StringComparison.Ordinal);
        await form.Locator("input[name='decision.confirmed']").CheckAsync();
        await confirm.ClickAsync();

        var link = page.Locator("#decisions a.decision-number");
        await link.WaitForAsync();
        Assert.Equal("甘自然资矿决〔2026〕1号", await link.InnerTextAsync());
        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex("/decisions/"));
        var document = page.Locator("#decision-document");
        Assert.Contains("甘自然资矿决〔2026〕1号", await document.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("within 60 days", await document.InnerTextAsync(), StringComparison.Ordinal);

        // Printed, the page is the document alone: no navigation, no links back, no footer.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await document.IsVisibleAsync());
        Assert.False(await page.Locator("body > header").IsVisibleAsync());
        Assert.False(await page.Locator("body > footer").IsVisibleAsync());
        Assert.False(await page.Locator(".screen-only").IsVisibleAsync());
        await page.SetViewportSizeAsync(1123, 794);
        await BrowserService.ScreenshotAsync(page, "decision-document");
    }
}
