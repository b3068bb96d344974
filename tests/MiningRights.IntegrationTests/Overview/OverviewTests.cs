using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Overview;

/// <summary>
/// The officers' overview counts what the officer may see, in the place chosen: rights by status and kind, duties due
/// within 30 and 90 days (the holders', not the authority's timers), overdue duties by county without those whose
/// process has ended or whose case is closed, cases by stage, expiries by month and renewals not applied for. Read
/// from the page's tables, which carry the numbers the charts draw.
/// </summary>
public sealed partial class OverviewTests(OverviewWorld world) : IClassFixture<OverviewWorld>
{
    [Fact]
    public async Task The_province_counts_its_rights_duties_and_cases_and_settled_duties_are_not_overdue()
    {
        var html = await PageAsync(await world.Api.AuthorityAsync("620000"), "/officer/overview");

        var status = Table(html, "table-status");
        Assert.Equal([1, 1, 2], status["In force"]);
        Assert.Equal([0, 1, 1], status["Suspended"]);
        Assert.Equal([1, 0, 1], status["Withdrawn"]);
        Assert.Equal([0, 0, 0], status["Lapsed"]);
        Assert.Equal([2, 2, 4], status["Total"]);
        Assert.Equal(new Dictionary<string, int[]> { ["Exploration rights"] = [2], ["Mining rights"] = [2] }, Table(html, "table-kind"));
        Assert.Equal(new Dictionary<string, int[]> { ["Lanzhou"] = [1], ["Jinchang"] = [0], ["Baiyin"] = [0], ["Jiuquan"] = [3], ["Gannan Tibetan Autonomous Prefecture"] = [0] },
            Table(html, "table-places"));

        // Due within 30 days: the plan due on 20 March; within 90: also the one due on 9 May. The authority's own timer
        // and the duty due in 100 days are not counted.
        Assert.Equal(new Dictionary<string, int[]> { ["Submit the exploration plan"] = [1, 2], ["Total"] = [1, 2] }, Table(html, "table-due"));

        // Overdue: one in 肃北 and one in 城关; not the duty whose case is closed, nor the one whose process has ended, nor Zhejiang's.
        Assert.Equal(new Dictionary<string, int[]> { ["Subei Mongol Autonomous County"] = [1], ["Chengguan District"] = [1], ["Total"] = [2] },
            Table(html, "table-overdue"));
        Assert.Equal(new Dictionary<string, int[]> { ["Opened, awaiting findings"] = [1], ["Under a rectification order"] = [1], ["Closed"] = [1] },
            Table(html, "table-cases"));

        // In force and expiring: two rights in May 2026, one in April 2027 (the withdrawn one is not in force); 24 months shown.
        var expiries = Table(html, "table-expiries");
        Assert.Equal(24, expiries.Count);
        Assert.Equal([2], expiries["May 2026"]);
        Assert.Equal([1], expiries["Apr 2027"]);
        Assert.Equal(3, expiries.Values.Sum(v => v[0]));

        // Renewal not applied for: the exploration right in 肃北 (its neighbour's holder has applied).
        Assert.Equal(new Dictionary<string, int[]> { ["Subei Mongol Autonomous County"] = [1], ["Total"] = [1] }, Table(html, "table-renewals"));
        // Places by name only: no jurisdiction code is shown as text.
        Assert.DoesNotMatch(">\\s*[0-9]{6}\\s*<", html);
    }

    [Fact]
    public async Task Choosing_a_city_then_a_county_narrows_every_figure_and_the_trail_leads_back()
    {
        var authority = await world.Api.AuthorityAsync("620000");
        var city = await PageAsync(authority, "/officer/overview?place=620900");
        Assert.Equal(["Gansu Province", "Jiuquan"], Trail(city));
        Assert.Contains("href=\"/officer/overview?place=620000\"", city, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int[]> { ["Suzhou District"] = [1], ["Subei Mongol Autonomous County"] = [2], ["Aksay Kazakh Autonomous County"] = [0] },
            Table(city, "table-places"));
        Assert.Equal([3], Table(city, "table-status")["Total"][2..]);

        var county = await PageAsync(authority, "/officer/overview?place=620923");
        Assert.Equal(["Gansu Province", "Jiuquan", "Subei Mongol Autonomous County"], Trail(county));
        Assert.DoesNotContain("table-places", county, StringComparison.Ordinal);
        Assert.Equal([1, 1, 2], Table(county, "table-status")["Total"]);
        Assert.Equal(new Dictionary<string, int[]> { ["Submit the exploration plan"] = [1, 1], ["Total"] = [1, 1] }, Table(county, "table-due"));
        Assert.Equal(new Dictionary<string, int[]> { ["Subei Mongol Autonomous County"] = [1], ["Total"] = [1] }, Table(county, "table-overdue"));
        Assert.Equal(new Dictionary<string, int[]> { ["Under a rectification order"] = [1] }, Table(county, "table-cases"));
        Assert.Equal([2], Table(county, "table-expiries")["May 2026"]);

        // A county with nothing in it says so, and a county inspector sees its county alone and cannot climb above it.
        var aksay = await PageAsync(authority, "/officer/overview?place=620924");
        Assert.Contains("No duty is overdue.", aksay, StringComparison.Ordinal);
        Assert.Equal([0, 0, 0], Table(aksay, "table-status")["Total"]);
        var inspector = await world.Api.AccountAsync("Inspector", "620923");
        Assert.Equal(["Subei Mongol Autonomous County"], Trail(await PageAsync(inspector, "/officer/overview")));
        Assert.Equal(HttpStatusCode.NotFound, (await Get(inspector, "/officer/overview?place=620900")).StatusCode);
    }

    [Fact]
    public async Task Another_province_counts_none_of_it_and_a_holder_is_refused()
    {
        var zhejiang = await world.Api.AuthorityAsync("330000");
        var html = await PageAsync(zhejiang, "/officer/overview");
        Assert.Equal([0, 1, 1], Table(html, "table-status")["Total"]);
        Assert.Equal(new Dictionary<string, int[]> { ["Xihu District"] = [1], ["Total"] = [1] }, Table(html, "table-overdue"));
        Assert.Equal(new Dictionary<string, int[]> { ["Opened, awaiting findings"] = [1] }, Table(html, "table-cases"));
        Assert.DoesNotContain("Gansu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Subei", html, StringComparison.Ordinal);

        // A Gansu place is not found for Zhejiang, alike whether it exists or not.
        Assert.Equal(HttpStatusCode.NotFound, (await Get(zhejiang, "/officer/overview?place=620923")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(zhejiang, "/officer/overview?place=999999")).StatusCode);

        var holder = await world.Api.AccountAsync("Holder", holderId: world.HolderId);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(holder, "/officer/overview")).StatusCode);
    }

    [Fact]
    public async Task The_api_gives_the_same_figures_and_refuses_as_problem_details()
    {
        var authority = await world.Api.AuthorityAsync("620000");
        var city = await Api.ReadAsync(await Get(authority, "/api/overview?place=620900"), HttpStatusCode.OK);
        Assert.Equal("620900", city["here"]!["code"]!.GetValue<string>());
        Assert.Equal(["620000", "620900"], city["trail"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()));
        Assert.Equal(3, city["rights"]!.AsArray().Sum(r => r!["count"]!.GetValue<int>()));
        Assert.Equal(2, city["rightsByPlace"]!.AsArray().Single(p => p!["place"]!["code"]!.GetValue<string>() == "620923")!["count"]!.GetValue<int>());
        var overdue = Assert.Single(city["overdueByCounty"]!.AsArray());
        Assert.Equal(("620923", 1), (overdue!["place"]!["code"]!.GetValue<string>(), overdue["count"]!.GetValue<int>()));
        var due = Assert.Single(city["dueSoon"]!.AsArray());
        Assert.Equal((1, 1), (due!["withinNear"]!.GetValue<int>(), due["withinFar"]!.GetValue<int>()));
        Assert.Equal("rectifying", Assert.Single(city["casesByStage"]!.AsArray())!["stage"]!.GetValue<string>());
        Assert.Equal(24, city["expiriesByMonth"]!.AsArray().Count);

        // Outside the jurisdiction: not found, alike whether the place exists; a holder is refused; both as problem details.
        var inspector = await world.Api.AccountAsync("Inspector", "620923");
        await ProblemAssert.ReadAsync(await Get(inspector, "/api/overview?place=620900"), HttpStatusCode.NotFound);
        await ProblemAssert.ReadAsync(await Get(inspector, "/api/overview?place=999999"), HttpStatusCode.NotFound);
        var holder = await world.Api.AccountAsync("Holder", holderId: world.HolderId);
        await ProblemAssert.ReadAsync(await Get(holder, "/api/overview"), HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return await client.SendAsync(request);
    }

    private static async Task<string> PageAsync(HttpClient client, string address)
    {
        var response = await Get(client, address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>A figure's table: each row's heading with its numbers, the total row included.</summary>
    private static Dictionary<string, int[]> Table(string html, string id)
    {
        var table = TableElement().Matches(html).Single(m => m.Groups["id"].Value == id).Groups["body"].Value;
        return RowElement().Matches(table)
            .Select(row => (Name: WebUtility.HtmlDecode(Tag().Replace(row.Groups["heading"].Value, string.Empty)).Trim(),
                Numbers: CellElement().Matches(row.Groups["cells"].Value).Select(c => int.Parse(c.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
            .ToDictionary(r => r.Name, r => r.Numbers);
    }

    private static string[] Trail(string html) =>
        TrailItem().Matches(TrailElement().Match(html).Value).Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups["item"].Value, string.Empty)).Trim()).ToArray();

    [GeneratedRegex("""<table id="(?<id>[^"]+)">(?<body>.*?)</table>""", RegexOptions.Singleline)]
    private static partial Regex TableElement();

    [GeneratedRegex("""<tr[^>]*>\s*<th scope="row">(?<heading>.*?)</th>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowElement();

    [GeneratedRegex("""<td[^>]*>(?<n>\d+)</td>""")]
    private static partial Regex CellElement();

    [GeneratedRegex("""<nav aria-label="[^"]*" id="overview-trail">.*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex TrailElement();

    [GeneratedRegex("""<li[^>]*>(?<item>.*?)</li>""", RegexOptions.Singleline)]
    private static partial Regex TrailItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
