using System.Text.RegularExpressions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// An administrator through the pages: every scheduled job with its schedule and next run, "run now" and the run it
/// records; the accounts, one locked and unlocked again (a locked account cannot sign in).
/// </summary>
public sealed class AdminPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task An_administrator_sees_each_job_runs_one_now_and_locks_and_unlocks_an_account()
    {
        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, ServiceFactory.AdminUser);
        await page.WaitForURLAsync(new Regex("/admin$"));
        Assert.Equal(6, await page.Locator("#jobs article.job").CountAsync());
        var sweep = page.Locator("article[data-job=deadline-sweep]");
        Assert.Contains("每 60 分钟", await sweep.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", await sweep.Locator(".next-fire").InnerTextAsync());

        // Run now: the run is recorded by the scheduler's listener a moment later.
        await sweep.Locator("button.run-now").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=job"));
        for (var attempt = 0; attempt < 50 && await page.Locator("article[data-job=deadline-sweep] table.runs tbody tr").CountAsync() == 0; attempt++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        Assert.Equal("完成", (await page.Locator("article[data-job=deadline-sweep] table.runs tbody tr .outcome").First.InnerTextAsync()).Trim());

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
