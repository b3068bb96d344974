using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// An administrator through the pages: the job dashboard linked from the administration page, every job listed with
/// its schedule, one triggered and its run shown with what it handled, all under the pages' content security policy;
/// the accounts, one locked and unlocked again (a locked account cannot sign in).
/// </summary>
public sealed class AdminPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task An_administrator_triggers_a_job_on_the_dashboard_and_locks_and_unlocks_an_account()
    {
        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, ServiceFactory.AdminUser);
        await page.WaitForURLAsync(new Regex("/admin$"));

        // The dashboard, in Chinese: every job with its schedule; "trigger now" on the sweep.
        await page.Locator("#job-dashboard").ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/jobs/recurring$"));
        Assert.Equal(6, await page.Locator("tr.js-jobs-list-row").CountAsync());
        var sweep = page.Locator("tr.js-jobs-list-row", new() { HasText = "deadline-sweep" });
        Assert.Contains("期限巡检（提醒与到期） / Deadline sweep (reminders and expiries)", await sweep.InnerTextAsync(), StringComparison.Ordinal);
        await sweep.Locator("input.js-jobs-list-checkbox").CheckAsync();
        // The dashboard reloads its page once the trigger is taken: the next page is opened after that reload.
        var reloaded = page.WaitForRequestFinishedAsync(new() { Predicate = request => request.IsNavigationRequest && request.Url.EndsWith("/admin/jobs/recurring", StringComparison.Ordinal) });
        var triggered = await page.RunAndWaitForResponseAsync(() => page.Locator("button[data-url$='/recurring/trigger']").ClickAsync(),
            response => response.Url.EndsWith("/admin/jobs/recurring/trigger", StringComparison.Ordinal));
        Assert.Equal(204, triggered.Status);
        await reloaded;
        await page.WaitForLoadStateAsync(LoadState.Load);

        // Its run, with what it handled, among the succeeded jobs a moment later.
        await page.GotoAsync("/admin/jobs/jobs/succeeded");
        for (var attempt = 0; attempt < 50 && await page.Locator("text=Deadline sweep (reminders and expiries)").CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        Assert.Equal(1, await page.Locator("text=Deadline sweep (reminders and expiries)").CountAsync());
        await page.GotoAsync("/admin");

        // Lock an account: it can no longer sign in; unlock it again.
        var row = page.Locator($"#accounts tr[data-account='{officer}']");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=locked"));
        Assert.StartsWith("已锁定", (await row.Locator(".account-state").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var locked = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(locked, officer);
        Assert.Equal(1, await locked.Locator("#sign-in-error").CountAsync());
        await BrowserService.ScreenshotAsync(page, "admin");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=unlocked"));
        Assert.Equal("正常", (await row.Locator(".account-state").InnerTextAsync()).Trim());
    }

    /// <summary>The Swagger UI is the service's own files too, and must work under the same policy as every page.</summary>
    [Fact]
    public async Task The_API_page_lists_the_operations_under_the_content_security_policy()
    {
        var page = await Service.NewPageAsync("en-US");
        await BrowserService.SignInAsync(page, ServiceFactory.AdminUser);
        await page.WaitForURLAsync(new Regex("/admin$"));
        await page.GotoAsync("/openapi/");
        await page.Locator(".swagger-ui .opblock").First.WaitForAsync();
        Assert.True(await page.Locator(".swagger-ui .opblock").CountAsync() > 50);
    }
}
