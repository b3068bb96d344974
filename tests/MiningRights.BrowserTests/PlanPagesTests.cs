using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// A plan through the pages: the holder submits it with its file where its right's process waits for one, the
/// officer's queue shows it, the officer approves it on the right's page, and the holder's page shows it approved. A
/// file that is not what its name says is refused on the page, and nothing is kept.
/// </summary>
public sealed class PlanPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task A_holder_submits_a_plan_with_its_file_the_officer_s_queue_shows_it_the_officer_approves_it_and_the_holder_sees_it_approved()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var holderUser = await Service.AccountAsync("Holder", holderId: holder.Id);
        var officerUser = await Service.AccountAsync("Authority", "620000");
        var file = Path.Combine(Path.GetTempPath(), $"勘查实施方案-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.7\n勘查实施方案\n%%EOF"u8.ToArray());
        var fake = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(fake, "not a pdf");

        var holderPage = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(holderPage, holderUser);
        await holderPage.WaitForURLAsync(new Regex("/holder/deadlines$"));
        await holderPage.GotoAsync($"/rights/{right["id"]}");

        // A file whose bytes are not a PDF is refused on the page; nothing is listed.
        await holderPage.Locator("#plan-file").SetInputFilesAsync(fake);
        await holderPage.Locator("#submit-plan button[type=submit]").ClickAsync();
        Assert.Contains("文件内容与扩展名不符", await holderPage.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await holderPage.Locator("#plans tbody tr").CountAsync());

        await holderPage.Locator("#plan-file").SetInputFilesAsync(file);
        await holderPage.Locator("#submit-plan button[type=submit]").ClickAsync();
        await holderPage.WaitForURLAsync(new Regex("done=submitted"));
        Assert.Equal("待审查", (await holderPage.Locator("#plans .plan-status").InnerTextAsync()).Trim());
        Assert.Equal(0, await holderPage.Locator("#submit-plan").CountAsync());

        // The officer's queue shows it; the officer approves it on the right's page.
        var officerPage = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(officerPage, officerUser);
        await officerPage.WaitForURLAsync(new Regex("/officer/queue$"));
        var queued = officerPage.Locator("#work-queue tbody tr[data-process=exploration-plan-deferral]", new PageLocatorOptions { HasText = right["licenseNumber"]!.GetValue<string>() });
        Assert.True(await queued.CountAsync() == 1, await officerPage.Locator("main").InnerTextAsync());
        await BrowserService.ScreenshotAsync(officerPage, "officer-queue");
        await queued.Locator("a:not(.step)").ClickAsync();
        await officerPage.Locator("#plans button.approve").ClickAsync();
        await officerPage.WaitForURLAsync(new Regex("done=approved"));
        await officerPage.GotoAsync("/officer/queue");
        Assert.Equal(0, await queued.CountAsync());

        // The holder's page shows it approved, and its process no longer waits.
        await holderPage.ReloadAsync();
        Assert.Equal("已批准", (await holderPage.Locator("#plans .plan-status").InnerTextAsync()).Trim());
        Assert.Contains("勘查实施方案已审查通过", await holderPage.Locator("#processes").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(holderPage, "holder-right");
    }

    [Fact]
    public async Task Each_workflow_is_drawn_from_its_definition_and_an_instance_shows_its_journal_with_its_state_highlighted()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync();
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var instance = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();
        var officerUser = await Service.AccountAsync("Authority", "620000", language: "en");

        var page = await Service.NewPageAsync("en-US");
        await BrowserService.SignInAsync(page, officerUser);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));
        await page.GotoAsync("/workflows");
        await page.Locator("#definitions a[href='/workflows/exploration-plan-deferral/1']").ClickAsync();
        await page.Locator("#diagram[data-drawn=true] svg").WaitForAsync();
        Assert.True(await page.Locator("#diagram svg g.node").CountAsync() >= 5);
        Assert.Contains("Plan approved", await page.Locator("#diagram svg").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync($"/workflows/instances/{instance}");
        await page.Locator("#diagram[data-drawn=true] svg").WaitForAsync();
        Assert.Equal(1, await page.Locator("#diagram svg g.node.current").CountAsync());
        Assert.Contains("“Plan not submitted yet”", await page.Locator("#journal").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("awaitingPlan", await page.Locator("#journal").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(page, "workflow-instance");

        // Another holder's reader does not get it.
        var otherHolder = await Service.Api.HolderAsync();
        var strangerUser = await Service.AccountAsync("Holder", holderId: otherHolder.Id);
        var stranger = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(stranger, strangerUser);
        await stranger.WaitForURLAsync(new Regex("/holder/deadlines$"));
        Assert.Equal(404, (await stranger.GotoAsync($"/workflows/instances/{instance}"))!.Status);
    }

    [Fact]
    public async Task A_holder_applies_for_renewal_on_its_right_s_page_through_the_renewal_s_own_form_and_a_term_over_the_law_is_refused_there()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var holderUser = await Service.AccountAsync("Holder", holderId: holder.Id);

        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, holderUser);
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        await page.GotoAsync($"/rights/{right["id"]}");
        var apply = page.Locator("details[data-process=renewal] form[data-signal=apply]");
        Assert.Equal(1, await apply.CountAsync());

        // On 1 March 2025 the old rules allow at most 2 years a renewal: 3 is refused on the page, under CN-TERM.
        await apply.Locator("input[name=termYears]").FillAsync("3");
        await apply.Locator("textarea[name=reason]").FillAsync("继续开展详查");
        await apply.Locator("button[type=submit]").ClickAsync();
        // The page is in Chinese, so is the reason: the law in force that day, with its article.
        Assert.True((await page.Locator("#message").InnerTextAsync()).Contains("每次延续不超过 2 年", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());

        apply = page.Locator("details[data-process=renewal] form[data-signal=apply]");
        await apply.Locator("input[name=termYears]").FillAsync("2");
        await apply.Locator("textarea[name=reason]").FillAsync("继续开展详查");
        await apply.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=signal"));
        Assert.Contains("已申请延续", await page.Locator("#processes").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("details[data-process=renewal] form[data-signal=apply]").CountAsync());
    }

    /// <summary>
    /// GS-9e through the pages: the mining plan form takes a design capacity of 5, 5.5 or 30.25 (万吨/年) and nothing finer
    /// than two decimals; what the holder typed survives a refused submission; the authority records a failed expert
    /// review, which returns the plan by a formal decision only once its consequence is confirmed.
    /// </summary>
    [Fact]
    public async Task GS_9e_the_plan_form_takes_any_capacity_to_two_decimals_keeps_its_values_when_refused_and_a_failed_review_returns_it_by_a_confirmed_decision()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights",
            IntegrationTests.Licensing.ProvisionalLicenseTests.MiningRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var holderUser = await Service.AccountAsync("Holder", holderId: holder.Id);
        var officerUser = await Service.AccountAsync("Authority", "620000");
        var file = Path.Combine(Path.GetTempPath(), $"开发利用方案-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.7\n开发利用与恢复治理方案\n%%EOF"u8.ToArray());
        var fake = Path.Combine(Path.GetTempPath(), $"fake-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(fake, "not a pdf");

        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, holderUser);
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        await page.GotoAsync($"/rights/{right["id"]}");
        var capacity = page.Locator("#input-designCapacity");
        foreach (var (value, valid) in new[] { ("5", true), ("5.5", true), ("30.25", true), ("0.01", true), ("30.255", false) })
        {
            await capacity.FillAsync(value);
            Assert.True(valid == await capacity.EvaluateAsync<bool>("e => e.checkValidity()"), $"capacity {value}");
        }

        // Refused for its file: every value typed is still there.
        await capacity.FillAsync("30.25");
        await page.Locator("#input-serviceLifeYears").FillAsync("8");
        await page.Locator("#input-scale").SelectOptionAsync("small");
        await page.Locator("#input-miningMethod").SelectOptionAsync("openPit");
        await page.Locator("#plan-file").SetInputFilesAsync(fake);
        await page.Locator("#submit-plan button[type=submit]").ClickAsync();
        Assert.Contains("文件内容与扩展名不符", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(("30.25", "8", "small", "openPit"), (await capacity.InputValueAsync(), await page.Locator("#input-serviceLifeYears").InputValueAsync(),
            await page.Locator("#input-scale").InputValueAsync(), await page.Locator("#input-miningMethod").InputValueAsync()));

        await page.Locator("#plan-file").SetInputFilesAsync(file);
        await page.Locator("#submit-plan button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=submitted"));
        var plans = (await authority.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/rights/{right["id"]}/plans"))!;
        Assert.Equal(30.25m, Assert.Single(plans)!["designCapacity"]!.GetValue<decimal>());

        // The authority: a failed review is a decision, taken only after confirming what it does.
        var officer = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(officer, officerUser);
        await officer.WaitForURLAsync(new Regex("/officer/queue$"));
        await officer.GotoAsync($"/rights/{right["id"]}");
        var review = officer.Locator("form.expert-review");
        await review.Locator("input[name=reviewedOn]").FillAsync("2025-03-01");
        await review.Locator("input[name=panel]").FillAsync("甘肃省矿产资源储量评审中心专家组");
        await review.Locator("textarea[name=findings]").FillAsync("开采方式论证不足，恢复治理措施不具体。");
        await review.Locator("select[name='decision.basis']").SelectOptionAsync("GS-9e");
        var confirm = review.Locator("details.confirm-decision button.danger");
        Assert.False(await confirm.IsVisibleAsync());
        await review.Locator("details.confirm-decision summary").ClickAsync();
        Assert.Contains("两年期限不因此中止", await review.Locator("details.confirm-decision .consequence").InnerTextAsync(), StringComparison.Ordinal);
        await review.Locator("input[name='decision.confirmed']").CheckAsync();
        await confirm.ClickAsync();
        await officer.WaitForURLAsync(new Regex("done=returned|handler="));
        Assert.True(officer.Url.Contains("done=returned", StringComparison.Ordinal), await officer.Locator("#message").CountAsync() > 0 ? await officer.Locator("#message").InnerTextAsync() : officer.Url);
        Assert.StartsWith("已退回", (await officer.Locator("#plans .plan-status").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Matches(new Regex("甘自然资矿决〔2025〕\\d+号"), await officer.Locator("#decisions").InnerTextAsync());
    }
}

