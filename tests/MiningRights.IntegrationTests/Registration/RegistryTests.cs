using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Paging;
using MiningRights.Renewals;
using MiningRights.Rights;

namespace MiningRights.IntegrationTests.Registration;

/// <summary>
/// The register as officers search it (issue 23, point 1): rights by licence number, project and holder, status, kind,
/// place and expiry within the reader's jurisdiction, paged; the rights about to expire with their renewal; and the
/// pages over them (a holder is refused the register, an officer elsewhere never sees a right).
/// </summary>
public sealed class RegistryTests
{
    private static readonly Actor Gansu = new("gansu", [Roles.Authority], null, "620000") { Id = "t-gansu" };
    private static readonly Actor Subei = new("subei", [Roles.Inspector], null, "620923") { Id = "t-subei" };
    private static readonly Actor Zhejiang = new("zhejiang", [Roles.Authority], null, "330000") { Id = "t-zhejiang" };

    [Fact]
    public async Task Officers_find_their_jurisdiction_s_rights_by_every_filter_a_page_at_a_time_and_never_another_province_s()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var province = await api.AuthorityAsync("620000");
        var zhejiang = await api.AuthorityAsync("330000");
        var holder = await api.HolderAsync("en");
        var other = await NamedHolderAsync(await api.AdminAsync(), "祁连山铜业有限公司", "Qilian Copper Co., Ltd.");

        // A unique prefix keeps this test's rights apart from any other in the database.
        var prefix = "RG" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(6)).PadRight(6, '3');
        var a = await RegisterAsync(province, Right(prefix + "A", holder.Id, "620923", "exploration", new(2025, 3, 1), new(2028, 3, 1), "马鬃山金矿普查"));
        var b = await RegisterAsync(province, Right(prefix + "B", other, "620302", "exploration", new(2023, 1, 10), new(2026, 1, 9), "金川铜镍矿详查"));
        var c = await RegisterAsync(province, Right(prefix + "C", holder.Id, "620923", "exploration", new(2022, 6, 1), new(2025, 5, 1), "红柳峡铁矿普查"));
        var m = await RegisterAsync(province, Right(prefix + "M", other, "620924", "mining", new(2025, 3, 1), new(2035, 3, 1), "阿克塞石棉矿"));
        var z = await RegisterAsync(zhejiang, Right(prefix + "Z", holder.Id, "330106", "exploration", new(2025, 3, 1), new(2028, 3, 1), "西湖萤石矿普查"));

        using var scope = factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<RightSearch>();
        async Task<string[]> FindAsync(Actor user, RightSearch.Filter filter) =>
            (await search.ListAsync(user, filter with { Text = filter.Text ?? prefix }, PageRequest.From(null, 50), CancellationToken.None)).Items
                .Select(r => r.LicenseNumber[prefix.Length..]).ToArray();

        Assert.Equal(["A", "B", "C", "M"], await FindAsync(Gansu, new()));
        Assert.Equal(["Z"], await FindAsync(Zhejiang, new()));
        Assert.Equal(["A", "C"], await FindAsync(Subei, new()));
        Assert.Equal(["M"], await FindAsync(Gansu, new(Kind: RightKind.Mining)));
        Assert.Equal(["A", "C", "M"], await FindAsync(Gansu, new(PlaceCode: "620900")));
        Assert.Equal(["A", "C"], await FindAsync(Gansu, new(PlaceCode: "620923")));
        Assert.Equal(["B"], await FindAsync(Gansu, new(PlaceCode: "620300")));
        Assert.Empty(await FindAsync(Zhejiang, new(PlaceCode: "620923")));
        Assert.Equal(["B", "C"], await FindAsync(Gansu, new(ExpiresBefore: new DateOnly(2026, 12, 31))));
        Assert.Equal(["C"], await FindAsync(Gansu, new(ExpiresWithinDays: 90)));
        Assert.Equal(["B", "C"], await FindAsync(Gansu, new(ExpiresWithinDays: 365)));
        Assert.Empty(await FindAsync(Gansu, new(Status: RightStatus.Expired)));
        Assert.Equal(["A", "C", "M"], await FindAsync(Gansu, new(Status: RightStatus.Active, PlaceCode: "620900")));

        // By project name and by holder (name or credit code), with the text in place of the prefix.
        Assert.Equal([prefix + "C"], (await search.ListAsync(Gansu, new("红柳峡"), PageRequest.From(null, 50), CancellationToken.None)).Items.Select(r => r.LicenseNumber));
        var byHolder = (await search.ListAsync(Gansu, new("祁连山铜业"), PageRequest.From(null, 50), CancellationToken.None)).Items;
        Assert.Equal([prefix + "B", prefix + "M"], byHolder.Select(r => r.LicenseNumber));
        Assert.All(byHolder, r => Assert.Equal("Qilian Copper Co., Ltd.", r.HolderNameEn));
        Assert.Equal("Jinchuan District", byHolder[0].County.NameEn);
        Assert.Empty((await search.ListAsync(Zhejiang, new("祁连山铜业"), PageRequest.From(null, 50), CancellationToken.None)).Items);

        // Two at a time: every right once, in licence-number order.
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await search.ListAsync(Gansu, new(prefix), PageRequest.From(cursor, 2), CancellationToken.None);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(r => r.LicenseNumber[prefix.Length..]));
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(["A", "B", "C", "M"], seen);

        // Expiring within 90 days: C, 59 days left, renewal not applied for; applied, it says so; 365 days adds B after it.
        var expiring = scope.ServiceProvider.GetRequiredService<ExpiringRights>();
        var soon = Assert.Single((await expiring.ListAsync(Gansu, 90, PageRequest.From(null, 50), CancellationToken.None)).Items, e => e.Right.LicenseNumber.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal((prefix + "C", 59, false), (soon.Right.LicenseNumber, soon.DaysLeft, soon.RenewalApplied));
        var renewal = c["workflows"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == "renewal")!["instanceId"]!.GetValue<string>();
        await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { termYears = 2, reason = "继续勘查" } }), HttpStatusCode.OK);
        var year = (await expiring.ListAsync(Gansu, 365, PageRequest.From(null, 50), CancellationToken.None)).Items.Where(e => e.Right.LicenseNumber.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([(prefix + "C", true), (prefix + "B", false)], year.Select(e => (e.Right.LicenseNumber, e.RenewalApplied)));
        Assert.DoesNotContain((await expiring.ListAsync(Zhejiang, 365, PageRequest.From(null, 50), CancellationToken.None)).Items, e => e.Right.LicenseNumber.StartsWith(prefix, StringComparison.Ordinal));

        // The pages: the authority's register filtered; Zhejiang's never shows Gansu's rights; a holder is refused.
        var gansuPage = await BrowserAsync(factory, api, "Authority", "620000", null, "10.23.0.1");
        var html = await gansuPage.GetStringAsync($"/rights?q={prefix}&kind=Mining&place=620900");
        Assert.Contains(prefix + "M", html, StringComparison.Ordinal);
        Assert.DoesNotContain(prefix + "A", html, StringComparison.Ordinal);
        Assert.Contains($"/rights/{m["id"]}", html, StringComparison.Ordinal);
        var expiringHtml = await gansuPage.GetStringAsync("/rights/expiring?within=90");
        Assert.Contains(prefix + "C", expiringHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(prefix + "B", expiringHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await gansuPage.GetAsync("/rights?place=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gansuPage.GetAsync("/rights?status=bogus")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gansuPage.GetAsync("/rights?within=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gansuPage.GetAsync("/rights/expiring?within=45")).StatusCode);

        var zhejiangPage = await BrowserAsync(factory, api, "Authority", "330000", null, "10.23.0.2");
        var theirs = await zhejiangPage.GetStringAsync($"/rights?q={prefix}");
        Assert.Contains(prefix + "Z", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(prefix + "A", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(prefix + "C", await zhejiangPage.GetStringAsync("/rights/expiring?within=90"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await zhejiangPage.GetAsync($"/holders/{other}")).StatusCode);
        Assert.Contains(prefix + "B", await gansuPage.GetStringAsync($"/holders/{other}"), StringComparison.Ordinal);

        var holderPage = await BrowserAsync(factory, api, "Holder", null, holder.Id, "10.23.0.3");
        Assert.Equal(HttpStatusCode.Forbidden, (await holderPage.GetAsync("/rights")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holderPage.GetAsync("/holders")).StatusCode);
        Assert.NotNull(a["id"]);
        Assert.NotNull(z["id"]);
    }

    [Fact]
    public async Task Registration_pages_register_through_the_use_cases_keep_the_values_after_a_refusal_and_an_administrator_never_locks_themself()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var page = await BrowserAsync(factory, api, "Authority", "620000", null, "10.23.1.1");
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '5');
        var code = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{digits}");

        // A holder with a bad address is refused with every value kept; corrected, it is registered and its page opens.
        var refused = await PostFormAsync(page, "/holders/new", "Register",
            ("CreditCode", code), ("NameZh", "敦煌矿业有限公司"), ("NameEn", "Dunhuang Mining Co., Ltd."), ("Language", "zh-CN"), ("Contacts", "not-an-address"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("敦煌矿业有限公司", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("not-an-address", refusedHtml, StringComparison.Ordinal);
        var registered = await PostFormAsync(page, "/holders/new", "Register",
            ("CreditCode", code), ("NameZh", "敦煌矿业有限公司"), ("NameEn", "Dunhuang Mining Co., Ltd."), ("Language", "zh-CN"), ("Contacts", "office@dunhuang.test"));
        Assert.True(registered.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await registered.Content.ReadAsStringAsync()));
        var holderUrl = registered.Headers.Location!.OriginalString;
        Assert.Contains("矿业权人已登记", WebUtility.HtmlDecode(await page.GetStringAsync(holderUrl)), StringComparison.Ordinal);

        // A right with a corner line that is not a pair is refused naming the line, the values kept; with good corners it is registered.
        var license = Api.NewLicenseNumber("T");
        (string, string)[] Fields(string corners) =>
        [
            ("LicenseNumber", license), ("Kind", "Exploration"), ("HolderCode", code), ("ProjectName", "党河金矿普查"), ("Minerals", "金、银"),
            ("County", "620923"), ("Authority", "620000"), ("TransferMode", "Listing"), ("RegisteredOn", "2025-03-01"), ("ExpiresOn", "2028-03-01"), ("Corners", corners),
        ];
        var badCorners = await PostFormAsync(page, "/rights/new", "Register", Fields("95.10, 39.20\n95.20 39.20\n95.20, north\n95.10, 39.30"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCorners.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await badCorners.Content.ReadAsStringAsync());
        Assert.Contains("第 3 个拐点", badHtml, StringComparison.Ordinal);
        Assert.Contains("党河金矿普查", badHtml, StringComparison.Ordinal);
        Assert.Contains("95.20, north", badHtml, StringComparison.Ordinal);
        var right = await PostFormAsync(page, "/rights/new", "Register", Fields("95.10, 39.20\n95.20, 39.20\n95.20, 39.30\n95.10, 39.30\n95.10, 39.20"));
        Assert.True(right.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        var rightHtml = WebUtility.HtmlDecode(await page.GetStringAsync(right.Headers.Location!.OriginalString));
        Assert.Contains("矿业权已登记", rightHtml, StringComparison.Ordinal);
        Assert.Contains(license, rightHtml, StringComparison.Ordinal);
        Assert.Contains(holderUrl.Split('?')[0], rightHtml, StringComparison.Ordinal);
        Assert.Contains(license, await page.GetStringAsync(holderUrl.Split('?')[0]), StringComparison.Ordinal);

        // The same form takes the licence's Gauss-Krüger X, Y in zone 32 (the ring closed for the officer), numbered lines allowed.
        license = Api.NewLicenseNumber("T");
        var plane = new[] { (95.30, 39.20), (95.40, 39.20), (95.40, 39.30), (95.30, 39.30) }
            .Select((c, i) => MiningRights.Ground.Corners.ToGaussKruger(c.Item1, c.Item2, 32) is var (x, y)
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"J{i + 1} {x:F2} {y:F2}") : null);
        var zoned = await PostFormAsync(page, "/rights/new", "Register", [.. Fields(string.Join('\n', plane)), ("cornerNotation", "gaussKruger"), ("zone", "32")]);
        Assert.True(zoned.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await zoned.Content.ReadAsStringAsync()));
        // 0.1° by 0.1° at 39.25° N: about 8.6 km by 11.1 km.
        var zonedRight = System.Text.Json.Nodes.JsonNode.Parse(await page.GetStringAsync($"/api/rights/{zoned.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]}"))!;
        Assert.InRange(zonedRight["areaKm2"]!.GetValue<decimal>(), 90m, 100m);

        // The administrator's page offers no lock on its own account, and the use case refuses it anyway.
        var admin = Sessions.Browser(factory, "10.23.1.2");
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(admin, ServiceFactory.AdminUser)).StatusCode);
        var adminHtml = await admin.GetStringAsync("/admin");
        var own = System.Text.RegularExpressions.Regex.Match(adminHtml, $"<tr data-account=\"{ServiceFactory.AdminUser}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(own.Success);
        Assert.DoesNotContain("handler=Lock", own.Value, StringComparison.Ordinal);
        Assert.Contains("own-account", own.Value, StringComparison.Ordinal);
        var adminToken = await api.AdminAsync();
        var accounts = (await adminToken.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/accounts"))!;
        var me = accounts.Single(x => x!["userName"]!.GetValue<string>() == ServiceFactory.AdminUser)!["id"]!.GetValue<string>();
        var selfLock = await adminToken.PostAsync($"/api/accounts/{me}/lock", null);
        Assert.Equal(HttpStatusCode.Conflict, selfLock.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string handler, params (string Name, string Value)[] fields)
    {
        var token = await Sessions.AntiforgeryTokenAsync(browser, page);
        return await browser.PostAsync($"{page}?handler={handler}",
            new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]));
    }

    private static async Task<HttpClient> BrowserAsync(ServiceFactory factory, Api api, string role, string? jurisdiction, Guid? holderId, string address)
    {
        var (_, userName) = await api.CreateAccountAsync(role, jurisdiction, holderId);
        var browser = Sessions.Browser(factory, address);
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(browser, userName)).StatusCode);
        return browser;
    }

    private static async Task<Guid> NamedHolderAsync(HttpClient admin, string nameZh, string nameEn)
    {
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '4');
        var created = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", new
        {
            creditCode = UnifiedSocialCreditCode.WithCheckCharacter($"91620300{digits}"),
            nameZh,
            nameEn,
            language = "en",
            contactEmails = new[] { $"office-{Guid.NewGuid():N}@holders.test" },
        }), HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> RegisterAsync(HttpClient authority, object right) =>
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", right), HttpStatusCode.Created);

    private static object Right(string license, Guid holderId, string county, string kind, DateOnly registeredOn, DateOnly expiresOn, string project) => new
    {
        licenseNumber = license,
        kind,
        holderId,
        projectName = project,
        minerals = new[] { "金" },
        areaKm2 = 3.5m,
        locationCountyCode = county,
        authorityCode = county[..2] + "0000",
        transferMode = kind == "mining" ? "agreement" : "listing",
        blankArea = false,
        registeredOn = registeredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        expiresOn = expiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
