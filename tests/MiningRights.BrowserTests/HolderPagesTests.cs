using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.BrowserTests;

/// <summary>
/// The pages in a real browser: a holder signs in and reads its deadlines with the days left and the rule; the
/// language switch turns the page into English and back, and is remembered; another holder's right is not found by
/// editing the address; a wrong password is told, and after five even the right one is refused in the same words; the public announcements open
/// without signing in; a form posted without its antiforgery token is refused.
/// </summary>
public sealed partial class HolderPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task A_holder_signs_in_reads_its_deadlines_in_Chinese_switches_to_English_and_cannot_open_another_holder_s_right()
    {
        var authority = await Service.Api.AuthorityAsync("620000");
        var holder = await Service.Api.HolderAsync("zh-CN");
        var own = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var other = await Service.Api.HolderAsync();
        var foreign = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(other.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var userName = await Service.AccountAsync("Holder", holderId: holder.Id);

        var page = await Service.NewPageAsync("zh-CN");
        await page.GotoAsync("/holder/deadlines");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await BrowserService.SignInAsync(page, userName);
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));

        // The GS-9d plan, due a year after registration: 365 days left today, with its rule and where it is written.
        var plan = page.Locator("#deadlines tbody tr", new PageLocatorOptions { HasText = "GS-9d" });
        Assert.Equal(1, await plan.CountAsync());
        Assert.Equal("还剩 365 天", (await plan.Locator(".days-left").InnerTextAsync()).Trim());
        Assert.Contains("2026-03-01", await plan.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("甘肃", await plan.Locator("small").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserService.ScreenshotAsync(page, "holder-deadlines");

        // The month calendar: March 2026 shows the plan on the 1st with its rule, and nothing on the 2nd.
        await page.GotoAsync("/holder/deadlines?month=2026-03");
        Assert.Contains("GS-9d", await page.Locator("#month-calendar td[data-date='2026-03-01']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#month-calendar td[data-date='2026-03-02'] a.due").CountAsync());
        await BrowserService.ScreenshotAsync(page, "holder-calendar");
        await page.GotoAsync("/holder/deadlines");

        // The calendar feed at the address the page gives parses and holds the deadline; replacing it ends the old one.
        var feedUrl = await page.Locator("#feed-url").InputValueAsync();
        using var calendar = new HttpClient();
        var feed = (await calendar.GetStringAsync(feedUrl)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260301\r\n", feed, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:[GS-9d]", feed, StringComparison.Ordinal);
        await page.Locator("#rotate-feed").ClickAsync();
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        Assert.NotEqual(feedUrl, await page.Locator("#feed-url").InputValueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(feedUrl)).StatusCode);

        // English, and back; the choice outlives the page.
        await page.Locator("#language-switch").ClickAsync();
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("365 days left", (await plan.Locator(".days-left").InnerTextAsync()).Trim());
        await page.ReloadAsync();
        Assert.Equal("My deadlines", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.Locator("#language-switch").ClickAsync();
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        Assert.Equal("我的期限", (await page.Locator("h1").InnerTextAsync()).Trim());

        // Its own right opens; another holder's, by editing the address, is not found, as an unknown one.
        var mine = await page.GotoAsync($"/rights/{own["id"]}");
        Assert.Equal(200, mine!.Status);
        Assert.Equal(own["licenseNumber"]!.GetValue<string>(), (await page.Locator("#license-number").InnerTextAsync()).Trim());
        var theirs = await page.GotoAsync($"/rights/{foreign["id"]}");
        Assert.Equal(404, theirs!.Status);
        Assert.DoesNotContain(foreign["licenseNumber"]!.GetValue<string>(), await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await page.GotoAsync($"/rights/{Guid.NewGuid()}"))!.Status);

        // Sign out: the deadlines are behind the sign-in again.
        await page.GotoAsync("/holder/deadlines");
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(new Regex("/announcements$"));
        await page.GotoAsync("/holder/deadlines");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_told_and_after_five_the_right_one_is_refused_too_with_a_message_that_says_sign_in_may_be_paused()
    {
        var holder = await Service.Api.HolderAsync();
        var userName = await Service.AccountAsync("Holder", holderId: holder.Id, language: "en");
        var page = await Service.NewPageAsync("en-GB");
        var messages = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await BrowserService.SignInAsync(page, userName, "not-the-password");
            messages.Add(await page.Locator("#sign-in-error").InnerTextAsync());
        }

        // One message for every refusal, so that it tells no one whether the account exists or is locked; it says
        // what may have happened, a pause included.
        Assert.Contains("not right", messages[0], StringComparison.Ordinal);
        Assert.Contains("paused for 15 minutes", messages[0], StringComparison.Ordinal);
        await BrowserService.SignInAsync(page, userName);
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        messages.Add(await page.Locator("#sign-in-error").InnerTextAsync());
        Assert.Single(messages.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_public_announcements_show_a_listing_without_signing_in()
    {
        var world = await ListingWorld.StartAsync(Service.Factory, "620000");
        var blockId = await world.PlannedBlockAsync(2025);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m, startingPrice = 80_000m }), HttpStatusCode.OK);
        var block = await world.GetBlockAsync(blockId);

        var page = await Service.NewPageAsync("zh-CN");
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Service.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        var response = await page.GotoAsync("/announcements");
        Assert.Equal(200, response!.Status);
        var listed = page.Locator("article.announcement", new PageLocatorOptions { HasText = block["code"]!.GetValue<string>() });
        Assert.Equal(1, await listed.CountAsync());
        // The starting price is published with separators; the reserve price never is.
        var text = await listed.InnerTextAsync();
        Assert.Contains("80,000.00 元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100,000", text, StringComparison.Ordinal);

        // Its map: the block's polygon drawn by Leaflet, served by the service itself (no tile server, no CDN).
        await listed.Locator(".map[data-drawn=true]").WaitForAsync();
        Assert.Equal(1, await listed.Locator(".map path.leaflet-interactive").CountAsync());
        Assert.Equal(0, await listed.Locator(".map img.leaflet-tile").CountAsync());
        Assert.Empty(elsewhere);
        await BrowserService.ScreenshotAsync(page, "public-announcements");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var holder = await Service.Api.HolderAsync();
        var userName = await Service.AccountAsync("Holder", holderId: holder.Id);
        using var client = new HttpClient { BaseAddress = Service.BaseAddress };
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = ServiceFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_password_changed_on_its_page_ends_the_session_and_only_the_new_one_signs_in()
    {
        var holder = await Service.Api.HolderAsync();
        var userName = await Service.AccountAsync("Holder", holderId: holder.Id, language: "en");
        var page = await Service.NewPageAsync("en-GB");
        await BrowserService.SignInAsync(page, userName);
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));

        await page.GotoAsync("/password");
        await page.Locator("#currentPassword").FillAsync("not-the-password");
        await page.Locator("#newPassword").FillAsync("New-Passw0rd!2025");
        await page.Locator("#change-password").ClickAsync();
        Assert.Equal(1, await page.Locator("#password-error").CountAsync());

        await page.Locator("#currentPassword").FillAsync(ServiceFactory.Password);
        await page.Locator("#newPassword").FillAsync("New-Passw0rd!2025");
        await page.Locator("#change-password").ClickAsync();
        await page.WaitForURLAsync(new Regex("/sign-in\\?done=password$"));
        Assert.Contains("Your password is changed", await page.Locator("#sign-in-done").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/holder/deadlines");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);

        await BrowserService.SignInAsync(page, userName);
        Assert.Contains("not right", await page.Locator("#sign-in-error").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.SignInAsync(page, userName, "New-Passw0rd!2025");
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
    }
}
