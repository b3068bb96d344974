using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// An inspector through the pages: the queue shows an overdue plan's case, the case page shows where it came from, the
/// inspector records findings and proposes rectification through the case workflow's own forms (GS-10d: the decision is
/// the registration authority's), the authority orders it by a date, and the holder receives the order by email.
/// </summary>
public sealed class InspectorPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task GS_10d_an_inspector_opens_an_overdue_case_and_proposes_rectification_the_authority_orders_it_and_the_holder_is_emailed()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var inspectorUser = await Service.AccountAsync("Inspector", "620900");

        // The plan due 2026-03-01 is not submitted: overdue the next day, a case after the 15 days' grace.
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 10));
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 10));

        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, inspectorUser);
        await page.WaitForURLAsync(new Regex("/inspector/cases$"));
        var row = page.Locator("#cases tbody tr", new PageLocatorOptions { HasText = right["licenseNumber"]!.GetValue<string>() });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("GS-9d", await row.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(page, "inspector-cases");
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/"));
        // The source process by its name, not its id.
        Assert.Contains("公开出让空白区探矿权勘查实施方案一年内提交", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(">exploration-plan-deferral<", await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("form[data-signal=recordFindings] textarea").FillAsync("现场核实：未提交勘查实施方案，未开展勘查工作");
        await page.Locator("form[data-signal=recordFindings] button[type=submit]").ClickAsync();

        // GS-10d: the inspector proposes a disposition; ordering it is the registration authority's, so the page offers no order form.
        await page.Locator("form[data-signal=proposeDisposition]").WaitForAsync();
        Assert.Equal(0, await page.Locator("form[data-signal=orderRectification]").CountAsync());
        await page.Locator("form[data-signal=proposeDisposition] select").SelectOptionAsync("rectification");
        await page.Locator("form[data-signal=proposeDisposition] textarea").FillAsync("建议责令限期提交勘查实施方案");
        await page.Locator("form[data-signal=proposeDisposition] button[type=submit]").ClickAsync();
        await page.Locator("#case-journal", new PageLocatorOptions { HasText = "提出处置建议（由登记机关决定）" }).WaitForAsync();
        var journal = await page.Locator("#case-journal").InnerTextAsync();
        Assert.Contains("记录核查情况", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("recordFindings", journal, StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(page, "inspector-case");

        var caseInstance = (await Api.ReadAsync(await authority.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray()
            .Single(c => c!["rightId"]!.GetValue<string>() == right["id"]!.GetValue<string>())!["caseInstanceId"]!.GetValue<string>();
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/orderRectification",
            new { values = Formal.With(Service.Factory.Clock, new() { ["rectifyBy"] = "2026-04-30", ["order"] = "限期提交勘查实施方案" }) }), HttpStatusCode.OK);

        await Service.Factory.DeliverAsync();
        var ordered = await MailDev.ArrivedAsync(holder.Email, "【责令整改】");
        var mail = Assert.Single(ordered);
        Assert.Contains("2026-04-30", mail.Subject, StringComparison.Ordinal);
    }
}
