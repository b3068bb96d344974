using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using MiningRights.Accounts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Licensing;
using MiningRights.Rights;

namespace MiningRights.IntegrationTests.Cases;

/// <summary>
/// The inspectors' queue (issue 9, item 5): filters, the risk order, paging over a snapshot, jurisdiction, and the CSV
/// export. The cases are opened by the workflows themselves: GS-9d plans left overdue past the grace and a GS-9e licence
/// that lapses, all in 酒泉市.
/// </summary>
public sealed class CaseQueueTests
{
    private const string JinxinZh = "甘肃金鑫矿业有限公司";
    private const string QilianZh = "酒泉祁连山矿业有限责任公司";

    [Fact]
    public async Task The_queue_is_in_risk_order_severity_then_days_overdue_then_the_holders_other_open_cases()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var queue = await QueueAsync(factory);

        var page = await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK);
        var items = Items(page);
        Assert.Null(page["next"]);

        // The lapse (severity 3) first although it is the least overdue; then the plan a month more overdue although its
        // holder has fewer cases; then the three of the holder with three other open cases; then the one whose holder has one.
        Assert.Equal(queue.Lapse, Id(items[0]));
        Assert.Equal(queue.QilianEarly, Id(items[1]));
        Assert.Equal(queue.Jinxin.Order(StringComparer.Ordinal), items.Skip(2).Take(3).Select(Id).Order(StringComparer.Ordinal));
        Assert.Equal(queue.QilianLate, Id(items[5]));
        Assert.Equal(6, items.Count);

        Assert.Equal([3, 2, 2, 2, 2, 2], items.Select(i => i["severity"]!.GetValue<int>()));
        Assert.Equal([1, 394, 366, 366, 366, 366], items.Select(i => i["daysOverdue"]!.GetValue<int>()));
        Assert.Equal([3, 1, 3, 3, 3, 1], items.Select(i => i["holderOpenCases"]!.GetValue<int>()));
        Assert.Equal(JinxinZh, items[0]["holderNameZh"]!.GetValue<string>());
        Assert.Equal("2027-03-01", items[0]["dueOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_filter_narrows_the_queue_to_the_cases_it_names()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var queue = await QueueAsync(factory);
        var all = new[] { queue.Lapse, queue.QilianEarly, queue.QilianLate }.Concat(queue.Jinxin).ToList();

        // One case moves on to findings, so that status has something to tell apart.
        var late = Items(await Api.ReadAsync(await queue.Inspector.GetAsync($"/api/cases?holderId={queue.QilianId}"), HttpStatusCode.OK))
            .Single(i => Id(i) == queue.QilianLate);
        await Api.ReadAsync(await queue.Inspector.PostAsJsonAsync($"/api/workflows/instances/{late["caseInstanceId"]}/signals/recordFindings",
            new { values = new Dictionary<string, string> { ["findings"] = "现场未开展勘查工作。" } }), HttpStatusCode.OK);

        async Task<List<string>> ListAsync(string query) =>
            Items(await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=50&" + query), HttpStatusCode.OK)).Select(Id).ToList();

        Assert.Equal([queue.QilianLate], await ListAsync("status=findingsRecorded"));
        Assert.Equal(all.Except([queue.QilianLate]).Order(StringComparer.Ordinal), (await ListAsync("status=open")).Order(StringComparer.Ordinal));
        Assert.Equal([queue.Lapse], await ListAsync("ruleId=GS-9e"));
        Assert.Equal(all.Except([queue.Lapse]).Order(StringComparer.Ordinal), (await ListAsync("ruleId=GS-9d")).Order(StringComparer.Ordinal));
        Assert.Equal([queue.Lapse], await ListAsync("severity=3"));
        Assert.Equal(5, (await ListAsync("severity=2")).Count);
        Assert.Empty(await ListAsync("severity=1"));
        Assert.Equal([queue.QilianEarly], await ListAsync("minDaysOverdue=367"));
        Assert.Equal(5, (await ListAsync("minDaysOverdue=366")).Count);
        Assert.Equal(5, (await ListAsync("minDaysOverdue=2")).Count);
        Assert.Equal(6, (await ListAsync("minDaysOverdue=1")).Count);
        Assert.Equal([queue.JinxinSuzhou], await ListAsync("county=620902"));
        Assert.Equal(5, (await ListAsync("county=620923")).Count);
        Assert.Equal(6, (await ListAsync("county=620900")).Count);
        Assert.Empty(await ListAsync("county=620924"));
        Assert.Equal([queue.QilianEarly, queue.QilianLate], await ListAsync($"holderId={queue.QilianId}"));
        Assert.Equal([queue.QilianLate], await ListAsync($"holderId={queue.QilianId}&status=findingsRecorded&ruleId=GS-9d&severity=2&county=620923&minDaysOverdue=300"));
    }

    [Fact]
    public async Task Paging_yields_every_case_once_in_the_first_pages_order_while_cases_close_and_open_meanwhile()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var queue = await QueueAsync(factory, secondLapse: true);
        var whole = Items(await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK)).Select(Id).ToList();
        Assert.Equal(6, whole.Count);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        List<JsonObject>? lastPage = null;
        do
        {
            var page = await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))), HttpStatusCode.OK);
            Assert.True(page.ItemCount() <= 2);
            lastPage = Items(page);
            seen.AddRange(lastPage.Select(Id));
            cursor = page["next"]?.GetValue<string>();
            pages++;

            if (pages == 1)
            {
                // Minutes later Qilian's early case is closed: Qilian's other case now has no other open case (a fresh read says 0).
                factory.Clock.Advance(TimeSpan.FromMinutes(5));
                var early = Items(await Api.ReadAsync(await queue.Inspector.GetAsync($"/api/cases?holderId={queue.QilianId}"), HttpStatusCode.OK))
                    .Single(i => Id(i) == queue.QilianEarly);
                var instance = early["caseInstanceId"]!.GetValue<string>();
                await Api.ReadAsync(await queue.Inspector.PostAsJsonAsync($"/api/workflows/instances/{instance}/signals/recordFindings",
                    new { values = new Dictionary<string, string> { ["findings"] = "逾期未提交方案。" } }), HttpStatusCode.OK);
                await Api.ReadAsync(await queue.Authority.PostAsJsonAsync($"/api/workflows/instances/{instance}/signals/imposeDamages",
                    new { note = "按合同收取违约金", values = Formal.With(factory.Clock, new() { ["amountYuan"] = "50000" }) }), HttpStatusCode.OK);
            }
            else if (pages == 2)
            {
                // A second licence of Jinxin lapses: a new severity-3 case that ranks first and raises Jinxin's count to 4, which
                // read afresh would put Jinxin's third plan before the cursor, so plain keyset paging would skip it.
                await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 6, 0, 0));
                var now = Items(await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK));
                Assert.Equal(7, now.Count);
                Assert.Equal(4, now.First(i => i["holderNameZh"]!.GetValue<string>() == JinxinZh && i["ruleId"]!.GetValue<string>() == "GS-9d")["holderOpenCases"]!.GetValue<int>());
            }
        }
        while (cursor is not null && pages < 10);

        Assert.Null(cursor);
        Assert.Equal(3, pages);
        Assert.Equal(whole, seen);
        Assert.Equal(1, lastPage!.Single(i => Id(i) == queue.QilianLate)["holderOpenCases"]!.GetValue<int>());
        var fresh = Items(await Api.ReadAsync(await queue.Inspector.GetAsync($"/api/cases?holderId={queue.QilianId}"), HttpStatusCode.OK));
        Assert.Equal(0, fresh.Single(i => Id(i) == queue.QilianLate)["holderOpenCases"]!.GetValue<int>());
        Assert.Equal("closed", fresh.Single(i => Id(i) == queue.QilianEarly)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_inspector_of_another_county_or_city_sees_none_of_the_cases_in_the_list_or_the_CSV()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var queue = await QueueAsync(factory);
        var api = new Api(factory);

        foreach (var jurisdiction in new[] { "620924", "620100", "620102" })
        {
            var other = await api.AccountAsync("Inspector", jurisdiction);
            Assert.Equal(0, (await Api.ReadAsync(await other.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK)).ItemCount());
            Assert.Equal(0, (await Api.ReadAsync(await other.GetAsync($"/api/cases?holderId={queue.QilianId}&county=620923"), HttpStatusCode.OK)).ItemCount());
            var csv = await other.GetAsync("/api/cases/export.csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var rows = ReadCsv(await csv.Content.ReadAsByteArrayAsync());
            Assert.Empty(rows);
            await ProblemAssert.ReadAsync(await other.GetAsync($"/api/cases/{queue.Lapse}"), HttpStatusCode.NotFound);
        }

        // The county inspector of 肃州区 sees its one case.
        var suzhou = await api.AccountAsync("Inspector", "620902");
        Assert.Equal([queue.JinxinSuzhou], Items(await Api.ReadAsync(await suzhou.GetAsync("/api/cases"), HttpStatusCode.OK)).Select(Id));
    }

    [Fact]
    public async Task The_CSV_starts_with_a_BOM_parses_back_in_the_queues_order_and_keeps_its_Chinese_text()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var queue = await QueueAsync(factory);
        var listed = Items(await Api.ReadAsync(await queue.Inspector.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK));

        var response = await queue.Inspector.GetAsync("/api/cases/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cases-2027-03-02.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = ReadCsv(bytes);
        Assert.Equal(listed.Select(Id), rows.Select(r => r["案件编号 Case"]));
        var lapse = rows[0];
        Assert.Equal(listed[0]["licenseNumber"]!.GetValue<string>(), lapse["许可证号 Licence"]);
        Assert.Equal("GS-9e", lapse["规则 Rule"]);
        Assert.Equal("3", lapse["严重程度 Severity"]);
        Assert.Equal("1", lapse["逾期天数 Days overdue"]);
        Assert.Equal("open", lapse["状态 Status"]);
        Assert.Equal("620923 肃北蒙古族自治县", lapse["县 County"]);
        Assert.Equal(JinxinZh, lapse["矿业权人 Holder"]);
        Assert.Equal("两年期采矿许可证到期未取得批准方案，许可证失效", lapse["标题 Title"]);
        Assert.Equal("2027-03-02 00:00", lapse["立案时间 Opened"]);
        Assert.Equal(QilianZh, rows[1]["矿业权人 Holder"]);
        Assert.Equal("探矿权勘查实施方案逾期未提交", rows[1]["标题 Title"]);
        Assert.Equal("394", rows[1]["逾期天数 Days overdue"]);
        Assert.Equal("620902 肃州区", rows.Single(r => r["案件编号 Case"] == queue.JinxinSuzhou)["县 County"]);

        // The same filters as the list.
        var filtered = ReadCsv(await (await queue.Inspector.GetAsync($"/api/cases/export.csv?holderId={queue.QilianId}&minDaysOverdue=367")).Content.ReadAsByteArrayAsync());
        Assert.Equal([queue.QilianEarly], filtered.Select(r => r["案件编号 Case"]));
        var refused = await ProblemAssert.ReadAsync(await queue.Inspector.GetAsync("/api/cases/export.csv?severity=9"), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(refused, "severity");
    }

    [Fact]
    public async Task Bad_filter_values_are_400_naming_the_field()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var inspector = await api.AccountAsync("Inspector", "620900");

        foreach (var (query, field) in new[]
        {
            ("status=lost", "status"),
            ("status=1", "status"),
            ("ruleId=XX-99", "ruleId"),
            ("severity=0", "severity"),
            ("severity=4", "severity"),
            ("severity=high", "severity"),
            ("minDaysOverdue=-1", "minDaysOverdue"),
            ("minDaysOverdue=ten", "minDaysOverdue"),
            ("minDaysOverdue=99999999999", "minDaysOverdue"),
            ("county=62092", "county"),
            ("county=abcdef", "county"),
            ("county=999999", "county"),
            ("holderId=not-an-id", "holderId"),
            ("cursor=bm90LW91cnM", "cursor"),
        })
        {
            var problem = await ProblemAssert.ReadAsync(await inspector.GetAsync("/api/cases?" + query), HttpStatusCode.BadRequest);
            ProblemAssert.Errors(problem, field);
            if (field != "cursor")
            {
                ProblemAssert.Errors(await ProblemAssert.ReadAsync(await inspector.GetAsync("/api/cases/export.csv?" + query), HttpStatusCode.BadRequest), field);
            }
        }
    }

    /// <summary>
    /// Two holders in 酒泉市, cases opened by the workflows: Jinxin's three GS-9d plans due 2026-03-01 (two in 肃北, one
    /// in 肃州) and its GS-9e licence lapsed on 2027-03-02; Qilian's plans due 2026-02-01 and 2026-03-01. Read on 2027-03-02.
    /// </summary>
    private static async Task<Queue> QueueAsync(ServiceFactory factory, bool secondLapse = false)
    {
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var inspector = await api.AccountAsync("Inspector", "620900");
        var jinxin = await HolderAsync(api, JinxinZh, "Gansu Jinxin Mining Co., Ltd.");
        var qilian = await HolderAsync(api, QilianZh, "Jiuquan Qilianshan Mining Co., Ltd.");

        async Task<string> RegisterAsync(object body) =>
            (await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created))["id"]!.GetValue<string>();

        var march = new DateOnly(2025, 3, 1);
        var jinxinRights = new List<string>
        {
            await RegisterAsync(Api.ExplorationRight(jinxin, march)),
            await RegisterAsync(Api.ExplorationRight(jinxin, march, county: "620902")),
            await RegisterAsync(Api.ExplorationRight(jinxin, march)),
        };
        var qilianEarly = await RegisterAsync(Api.ExplorationRight(qilian, new DateOnly(2025, 2, 1)));
        var qilianLate = await RegisterAsync(Api.ExplorationRight(qilian, march));
        var lapse = await RegisterAsync(RequestBody.Edit(ProvisionalLicenseTests.MiningRight(jinxin, march), b => b["locationCountyCode"] = "620923"));
        if (secondLapse)
        {
            factory.Clock.Set(TestClock.Shanghai(2025, 3, 5, 10));
            await RegisterAsync(RequestBody.Edit(ProvisionalLicenseTests.MiningRight(jinxin, new DateOnly(2025, 3, 5)), b => b["locationCountyCode"] = "620923"));
        }

        foreach (var when in new[]
        {
            TestClock.Shanghai(2026, 2, 2, 0, 0), TestClock.Shanghai(2026, 2, 17, 0, 0),
            TestClock.Shanghai(2026, 3, 2, 0, 0), TestClock.Shanghai(2026, 3, 17, 0, 0),
            TestClock.Shanghai(2027, 3, 2, 0, 0),
        })
        {
            await factory.RunJobsAtAsync(when);
        }

        var cases = Items(await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=50"), HttpStatusCode.OK));
        string CaseOf(string rightId) => Id(cases.Single(c => c["rightId"]!.GetValue<string>() == rightId));
        return new Queue(inspector, authority, qilian.ToString(), CaseOf(lapse), CaseOf(qilianEarly), CaseOf(qilianLate),
            jinxinRights.Select(CaseOf).ToList(), CaseOf(jinxinRights[1]));
    }

    private static async Task<Guid> HolderAsync(Api api, string nameZh, string nameEn)
    {
        var admin = await api.AdminAsync();
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '3');
        var created = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", new
        {
            creditCode = UnifiedSocialCreditCode.WithCheckCharacter($"91620900{digits}"),
            nameZh,
            nameEn,
            language = "zh-CN",
            contactEmails = new[] { $"holder-{Guid.NewGuid():N}@holders.test" },
        }), HttpStatusCode.Created);
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    private static List<JsonObject> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    private static string Id(JsonObject item) => item["id"]!.GetValue<string>();

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, null);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        Assert.Contains("矿业权人 Holder", reader.Headers);
        Assert.Contains("案件编号 Case", reader.Headers);
        return rows;
    }

    private sealed record Queue(HttpClient Inspector, HttpClient Authority, string QilianId, string Lapse, string QilianEarly, string QilianLate,
        IReadOnlyList<string> Jinxin, string JinxinSuzhou);
}
