using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// Each role's pages on a 360 px wide phone, in both languages: nothing wider than the screen (wide tables scroll in
/// their own box), no table cell squeezed to a character or two a line, and every field a person fills in has a label.
/// On paper (print media), the content alone: no navigation, buttons, forms or secret calendar address.
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

        var measured = new Dictionary<string, int>(StringComparer.Ordinal);
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

                // Every cell with text is at least four characters wide (the calendar's seven days excepted): one character per line was the old failure.
                var squeezed = await page.EvaluateAsync<string[]>("""
                    Array.from(document.querySelectorAll('table:not(.month) td, table:not(.month) th'))
                      .filter(c => c.textContent.trim().length > 1)
                      .filter(c => c.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(c).fontSize))
                      .map(c => `${Math.round(c.getBoundingClientRect().width)} px: ${c.textContent.trim().slice(0, 30)}`)
                    """);
                Assert.True(squeezed.Length == 0, $"{address} ({locale}): squeezed cells: {string.Join(" | ", squeezed)}");
                measured[address] = await page.Locator("table:not(.month) td").CountAsync();
                if (locale == "zh-CN" && address == "/holder/deadlines")
                {
                    await BrowserService.ScreenshotAsync(page, "holder-deadlines-phone");
                }
            }

            await context.DisposeAsync();
        }

        // The holder's tables had cells in them to measure.
        Assert.True(measured["/holder/deadlines"] > 0 && measured["/holder/rights"] > 0, $"cells measured: {string.Join(", ", measured)}");
    }

    [Fact]
    public async Task A_printed_page_has_the_content_alone_and_licence_numbers_unbroken()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync();
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var page = await Service.NewPageAsync();
        await BrowserService.SignInAsync(page, await Service.AccountAsync("Holder", holderId: holder.Id));
        await page.WaitForURLAsync(new Regex("^(?!.*sign-in)"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await page.GotoAsync("/holder/deadlines");
        Assert.True(await page.Locator("#feed-url").CountAsync() == 1, "the page shows its calendar address on the screen");
        foreach (var hidden in new[] { "body > header nav", "#language-switch", "#feed-url", "#rotate-feed", "#sign-out", "body > footer" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} prints");
        }

        Assert.True(await page.Locator("main h1").IsVisibleAsync());

        await page.GotoAsync("/holder/rights");
        Assert.Equal("nowrap", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.license-number')).whiteSpace"));
        Assert.Equal(await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('a.license-number').parentElement).color"),
            await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('a.license-number')).color"));

        await page.GotoAsync($"/rights/{right["id"]}");
        Assert.True(await page.Locator("button").CountAsync() > 0);
        Assert.Empty(await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('button, form, nav, input')).filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 80))"));

        // On the screen again, the same page has its navigation.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.True(await page.Locator("body > header nav").IsVisibleAsync());
        await page.Context.DisposeAsync();
    }
}
