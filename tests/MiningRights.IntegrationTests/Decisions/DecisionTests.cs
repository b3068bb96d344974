using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Decisions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Decisions;

/// <summary>
/// Decisions with their formalities (issue 23): a signal the workflow declares a decision takes facts, basis, number and
/// date or is refused having written nothing; numbers run per authority and year and never repeat; the document is read
/// by the authority and the addressee only.
/// </summary>
public sealed partial class DecisionTests
{
    [Fact]
    public async Task A_decision_without_its_formalities_is_refused_and_writes_nothing_and_its_document_reaches_only_the_authority_and_the_addressee()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var (api, authority, holder, cases) = await OpenCasesAsync(factory, 2, "en");
        var (first, second) = (cases[0], cases[1]);

        // Nothing of the formalities: 422 naming each, and the case and right stay as they were.
        var bare = await ProblemAssert.ReadAsync(await Signal(authority, first.Instance, "withdraw", []), HttpStatusCode.UnprocessableEntity);
        ProblemAssert.Errors(bare, "decision.facts", "decision.basis", "decision.number", "decision.decidedOn");
        Assert.Contains("formal decision", bare["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var basis = await ProblemAssert.ReadAsync(await Signal(authority, first.Instance, "withdraw", Formal.With(factory.Clock, basis: "ZJ-27b")), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("GS-10d", basis["errors"]!["decision.basis"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("findingsRecorded", (await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{first.Instance}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
        Assert.NotEqual("withdrawn", (await Api.ReadAsync(await authority.GetAsync($"/api/rights/{first.Right}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(factory));

        // Entered number: taken, named in the holder's notice; the same number again is refused and writes nothing.
        const string number = "甘自然资矿决〔2026〕88号";
        await Api.ReadAsync(await Signal(authority, first.Instance, "withdraw", Formal.With(factory.Clock, number: number)), HttpStatusCode.OK);
        var duplicate = await ProblemAssert.ReadAsync(await Signal(authority, second.Instance, "suspend", Formal.With(factory.Clock, number: number)), HttpStatusCode.Conflict);
        ProblemAssert.Errors(duplicate, "decision.number");
        Assert.Equal("findingsRecorded", (await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{second.Instance}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync(factory));
        Assert.Contains(await NoticesAsync(authority, holder.Email), subject => subject.Contains(number, StringComparison.Ordinal));

        // The right's page lists the decision; its document carries every part, in both languages for an English reader.
        var holderBrowser = await BrowserAsync(factory, (await api.CreateAccountAsync("Holder", holderId: holder.Id)).UserName, "10.23.1.1");
        var rightPage = WebUtility.HtmlDecode(await holderBrowser.GetStringAsync($"/rights/{first.Right}"));
        var id = DecisionLink().Match(rightPage).Groups["id"].Value;
        Assert.Contains(number, rightPage, StringComparison.Ordinal);
        var document = WebUtility.HtmlDecode(await holderBrowser.GetStringAsync($"/decisions/{id}"));
        foreach (var part in new[] { number, "甘肃省", "测试矿业有限公司", "Test Mining Co., Ltd.", first.License, Formal.Facts, "GS-10d", "收回矿业权", "收回后该矿业权失效",
            "六十日内", "六个月内", "within 60 days", "within 6 months", "Administrative decision" })
        {
            Assert.Contains(part, document, StringComparison.Ordinal);
        }

        var officer = await BrowserAsync(factory, (await api.CreateAccountAsync("Authority", "620000")).UserName, "10.23.1.2");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/decisions/{id}")).StatusCode);
        var stranger = await api.HolderAsync("zh-CN");
        var strangerBrowser = await BrowserAsync(factory, (await api.CreateAccountAsync("Holder", holderId: stranger.Id)).UserName, "10.23.1.3");
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/decisions/{id}")).StatusCode);
        var zhejiang = await BrowserAsync(factory, (await api.CreateAccountAsync("Authority", "330000")).UserName, "10.23.1.4");
        Assert.Equal(HttpStatusCode.NotFound, (await zhejiang.GetAsync($"/decisions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Service_numbers_run_per_authority_and_year_and_never_repeat_under_concurrent_decisions()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var (_, authority, _, cases) = await OpenCasesAsync(factory, 4, "zh-CN");

        // Three withdrawals at once: a loser of the race for a serial is refused (409) having written nothing, and retried.
        var racing = cases.Take(3).ToList();
        var answers = await Task.WhenAll(racing.Select(c => Signal(authority, c.Instance, "withdraw", Formal.With(factory.Clock))));
        foreach (var (answer, process) in answers.Zip(racing))
        {
            var status = answer.StatusCode;
            for (var attempt = 0; status == HttpStatusCode.Conflict && attempt < 5; attempt++)
            {
                status = (await Signal(authority, process.Instance, "withdraw", Formal.With(factory.Clock))).StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, status);
        }

        // A decision dated in the year before starts that year's own series.
        await Api.ReadAsync(await Signal(authority, cases[3].Instance, "suspend", new(Formal.With(factory.Clock)) { ["decision.decidedOn"] = "2025-12-31" }), HttpStatusCode.OK);

        using var scope = factory.Services.CreateScope();
        var numbers = await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Decisions.Select(d => d.Number).ToListAsync();
        Assert.Equal(["甘自然资矿决〔2025〕1号", "甘自然资矿决〔2026〕1号", "甘自然资矿决〔2026〕2号", "甘自然资矿决〔2026〕3号"], numbers.Order(StringComparer.Ordinal));
    }

    private sealed record OpenCase(string Right, string License, string Instance);

    /// <summary><paramref name="count"/> exploration rights whose plans went overdue into cases, each with its findings recorded (2026-03-18).</summary>
    private static async Task<(Api Api, HttpClient Authority, TestHolder Holder, List<OpenCase> Cases)> OpenCasesAsync(ServiceFactory factory, int count, string language)
    {
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var holder = await api.HolderAsync(language);
        var rights = new List<JsonObject>();
        for (var i = 0; i < count; i++)
        {
            rights.Add(await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created));
        }

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 2, 10));
        await factory.SweepAsync();
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 17, 10));
        await factory.SweepAsync();
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 18, 10));
        var opened = (await Api.ReadAsync(await authority.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK))["items"]!.AsArray();
        var cases = new List<OpenCase>();
        foreach (var right in rights)
        {
            var instance = opened.Single(c => c!["rightId"]!.GetValue<string>() == right["id"]!.GetValue<string>())!["caseInstanceId"]!.GetValue<string>();
            await Api.ReadAsync(await Signal(authority, instance, "recordFindings", new() { ["findings"] = "逾期未提交勘查实施方案，现场未开展勘查工作。" }), HttpStatusCode.OK);
            cases.Add(new OpenCase(right["id"]!.GetValue<string>(), right["licenseNumber"]!.GetValue<string>(), instance));
        }

        return (api, authority, holder, cases);
    }

    /// <summary>The subjects of the notices queued for <paramref name="recipient"/>, read from the outbox (what is mailed is the outbox's to send).</summary>
    public static async Task<List<string>> NoticesAsync(HttpClient officer, string recipient) =>
        (await Api.ReadAsync(await officer.GetAsync("/api/notifications?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Where(n => string.Equals(n!["recipient"]!.GetValue<string>(), recipient, StringComparison.OrdinalIgnoreCase))
            .Select(n => n!["subject"]!.GetValue<string>()).ToList();

    private static Task<HttpResponseMessage> Signal(HttpClient client, string instance, string signal, Dictionary<string, string> values) =>
        client.PostAsJsonAsync($"/api/workflows/instances/{instance}/signals/{signal}", new { values });

    private static async Task<int> CountAsync(ServiceFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Decisions.CountAsync();
    }

    private static async Task<HttpClient> BrowserAsync(ServiceFactory factory, string userName, string address)
    {
        var browser = Sessions.Browser(factory, address);
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(browser, userName)).StatusCode);
        return browser;
    }

    [GeneratedRegex(@"href=""/decisions/(?<id>[0-9a-f-]{36})""", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionLink();
}
