using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// Each role's pages on a 360 px wide phone, in both languages: nothing wider than the screen (wide tables scroll in
/// their own box), and every field a person fills in has a label.
/// </summary>
public sealed class NarrowScreenTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    private const int Width = 360;

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task Every_page_fits_a_360_px_screen_and_labels_every_field(string locale)
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync();
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var roles = new (string? User, string[] Pages)[]
        {
            (null, ["/announcements", "/sign-in"]),
            (await Service.AccountAsync("Holder", holderId: holder.Id), ["/holder/deadlines", "/holder/rights", "/holder/notices", $"/rights/{right["id"]}", "/password"]),
            (await Service.AccountAsync("Authority", "620000"), ["/officer/queue", "/listing", "/listing/plans", "/listing/blocks/new", $"/rights/{right["id"]}", "/workflows"]),
            (await Service.AccountAsync("Inspector", "620000"), ["/inspector/cases"]),
            (ServiceFactory.AdminUser, ["/admin"]),
        };

        foreach (var (user, pages) in roles)
        {
            var context = await Service.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = Service.BaseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = Width, Height = 740 },
            });
            Service.Watch(context);
            var page = await context.NewPageAsync();
            if (user is not null)
            {
                await BrowserService.SignInAsync(page, user);
                await page.WaitForURLAsync(new Regex("^(?!.*sign-in)"));
            }

            foreach (var address in pages)
            {
                Assert.Equal(200, (await page.GotoAsync(address))!.Status);
                var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(width <= Width, $"{address} ({locale}, {user ?? "public"}) is {width} px wide on a {Width} px screen.");
                var unlabelled = await page.EvaluateAsync<string[]>("""
                    Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                      .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                      .map(e => e.outerHTML.slice(0, 120))
                    """);
                Assert.True(unlabelled.Length == 0, $"{address}: fields without a label: {string.Join(" | ", unlabelled)}");
                if (locale == "zh-CN" && address == "/holder/deadlines")
                {
                    await BrowserService.ScreenshotAsync(page, "holder-deadlines-phone");
                }
            }

            await context.DisposeAsync();
        }
    }
}
