using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Renewals;

/// <summary>
/// Quarterly verification of rights nearing expiry (GS-9b, GS-9c): one batch per registration authority with the rights
/// expiring in the window (the next two quarters, GS-9b), a task per right for its county; a province-level right's result
/// reaches the province and not the city, a city-level one the city, a Ministry-level one the province, which forwards
/// it to the Ministry (报部) and may not accept it; running again
/// adds only what is missing; tasks are reminded once, escalated to the batch's authority when overdue; a county of
/// another place does not see them; a result with problems opens a case; the batch closes when every result is accepted.
/// </summary>
public sealed class VerificationTests
{
    [Fact]
    public async Task GS_9b_batches_gather_the_next_two_quarters_route_each_result_to_its_authority_and_close_when_every_result_is_accepted()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 7, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var mail = new Dictionary<string, string>();
        var officers = new Dictionary<string, HttpClient>();
        foreach (var code in new[] { "620000", "620900", "620923", "620902", "620924" })
        {
            mail[code] = $"authority-{code}-{Guid.NewGuid():N}@officers.test";
            officers[code] = await api.AccountAsync("Authority", code, email: mail[code]);
        }

        var inspector = await api.AccountAsync("Inspector", "620000");
        var holder = await api.HolderAsync();
        // Run in the third quarter, the window is the next two (1 October 2025 to 31 March 2026): a province-level right
        // on its last day, a city-level one, a Ministry-level one. Out: a day after the window; one expiring this
        // quarter (the previous quarter's batch gathered it); a Zhejiang right (no verification policy there).
        var province = await RegisterAsync(admin, holder, "620923", "620000", "2026-03-31");
        var outside = await RegisterAsync(admin, holder, "620923", "620000", "2026-04-01");
        var thisQuarter = await RegisterAsync(admin, holder, "620923", "620000", "2025-09-30");
        var city = await RegisterAsync(admin, holder, "620923", "620900", "2025-10-01");
        var ministry = await RegisterAsync(admin, holder, "620902", "100000", "2025-10-15");
        await RegisterAsync(admin, holder, "330106", "330000", "2025-11-01");

        var first = await RunAsync(officers["620000"]);
        Assert.Equal(["620000", "620900"], first.Select(o => o["batch"]!["authorityCode"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var provincial = first.Single(o => o["batch"]!["authorityCode"]!.GetValue<string>() == "620000")["batch"]!["id"]!.GetValue<string>();
        var detail = await Api.ReadAsync(await officers["620000"].GetAsync($"/api/verification/batches/{provincial}"), HttpStatusCode.OK);
        Assert.Equal("2025-Q3", detail["batch"]!["quarter"]!.GetValue<string>());
        Assert.Equal("2025-10-01", detail["batch"]!["windowFrom"]!.GetValue<string>());
        Assert.Equal("2026-03-31", detail["batch"]!["windowTo"]!.GetValue<string>());
        var tasks = detail["tasks"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(new[] { ministry, province }.Order(StringComparer.Ordinal), tasks.Select(t => t["rightId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(tasks, t => Assert.Equal("620000", t["reportsTo"]!.GetValue<string>()));
        Assert.DoesNotContain(tasks, t => t["rightId"]!.GetValue<string>() == outside || t["rightId"]!.GetValue<string>() == thisQuarter);

        // Again: nothing new. A right registered since is added to the same batch.
        Assert.All(await RunAsync(officers["620000"]), o => Assert.Equal(0, o["added"]!.GetValue<int>()));
        var late = await RegisterAsync(admin, holder, "620923", "620000", "2025-11-30");
        var again = await RunAsync(admin);
        var grown = again.Single(o => o["batch"]!["id"]!.GetValue<string>() == provincial);
        Assert.Equal(1, grown["added"]!.GetValue<int>());
        Assert.False(grown["created"]!.GetValue<bool>());
        Assert.Equal(3, grown["batch"]!["tasks"]!.GetValue<int>());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonArray>("/api/verification/batches?quarter=2025-Q3"))!.Count);

        // A county officer sees its county's tasks only; another county's officer gets 404 for them.
        var subei = await TasksAsync(officers["620923"]);
        Assert.Equal(new[] { city, late, province }.Order(StringComparer.Ordinal), subei.Select(t => t["rightId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var provinceTask = subei.Single(t => t["rightId"]!.GetValue<string>() == province);
        await ProblemAssert.ReadAsync(await officers["620924"].GetAsync($"/api/verification/tasks/{provinceTask["id"]}"), HttpStatusCode.NotFound);
        Assert.Empty(await TasksAsync(officers["620924"]));
        await ProblemAssert.ReadAsync(await officers["620924"].GetAsync($"/api/workflows/instances/{provinceTask["instanceId"]}"), HttpStatusCode.NotFound);
        await ProblemAssert.ReadAsync(await holder.Client.GetAsync("/api/verification/tasks"), HttpStatusCode.Forbidden);

        // Province-level: the county records, the result goes straight to the province (GS-9c), not to the city.
        await SignalAsync(officers["620923"], provinceTask, "record", new { result = "inOrder", notes = "界址清楚，无违法开采" }, HttpStatusCode.OK);
        await factory.DeliverAsync();
        Assert.Single(await MailDev.ArrivedAsync(mail["620000"], "Verification result"), m => m.Subject.Contains(LicenseOf(subei, province), StringComparison.Ordinal));
        Assert.DoesNotContain(await ResultMailsAsync(mail["620900"]), m => m.Subject.Contains(LicenseOf(subei, province), StringComparison.Ordinal));
        await SignalAsync(officers["620900"], provinceTask, "accept", new { }, HttpStatusCode.Forbidden);
        await SignalAsync(officers["620000"], provinceTask, "accept", new { }, HttpStatusCode.OK);

        // The accepted result is in the right's history and before the officer deciding its renewal.
        var history = (await officers["620000"].GetFromJsonAsync<JsonArray>($"/api/rights/{province}/history"))!;
        Assert.Contains(history, h => h!["what"]!.GetValue<string>() == "verification.accepted" && h["detail"]!.GetValue<string>().Contains("界址清楚", StringComparison.Ordinal));
        var renewal = await RenewalOfAsync(officers["620000"], province);
        Assert.Contains("in order", renewal["values"]!["verification"]!.GetValue<string>(), StringComparison.Ordinal);

        // City-level: the result reaches the city; problems found open a case with the result.
        var cityTask = subei.Single(t => t["rightId"]!.GetValue<string>() == city);
        var cases = await CaseCountAsync(inspector);
        await SignalAsync(officers["620923"], cityTask, "record", new { result = "problemsFound", notes = "越界开采约0.3公顷" }, HttpStatusCode.OK);
        await factory.DeliverAsync();
        Assert.Single(await MailDev.ArrivedAsync(mail["620900"], "Verification result"), m => m.Subject.Contains(LicenseOf(subei, city), StringComparison.Ordinal));
        Assert.Equal(cases + 1, await CaseCountAsync(inspector));
        await SignalAsync(officers["620900"], cityTask, "accept", new { }, HttpStatusCode.OK);

        // Ministry-level: verified by its county (Suzhou District), received by the province, which forwards it (GS-9c).
        var ministryTask = (await TasksAsync(officers["620902"])).Single();
        Assert.Equal("620000", ministryTask["reportsTo"]!.GetValue<string>());
        await SignalAsync(officers["620902"], ministryTask, "record", new { result = "inOrder", notes = "正常" }, HttpStatusCode.OK);
        await SignalAsync(officers["620000"], ministryTask, "forward", new { }, HttpStatusCode.OK);

        // The province's batch waits for its last task, sent back once and then accepted.
        var batchInstance = detail["batch"]!["instanceId"]!.GetValue<string>();
        var early = await officers["620000"].PostAsJsonAsync($"/api/workflows/instances/{batchInstance}/signals/accept", new { values = new { } });
        Assert.Equal("GS-9b", (await ProblemAssert.ReadAsync(early, HttpStatusCode.UnprocessableEntity))["ruleId"]!.GetValue<string>());
        var lateTask = subei.Single(t => t["rightId"]!.GetValue<string>() == late);
        await SignalAsync(officers["620923"], lateTask, "record", new { result = "inOrder", notes = "待补充照片" }, HttpStatusCode.OK);
        await SignalAsync(officers["620000"], lateTask, "return", new { reasons = "缺现场照片" }, HttpStatusCode.OK);
        await SignalAsync(officers["620923"], lateTask, "record", new { result = "inOrder", notes = "已补充现场照片" }, HttpStatusCode.OK);
        await SignalAsync(officers["620000"], lateTask, "accept", new { }, HttpStatusCode.OK);
        var closed = await officers["620000"].PostAsJsonAsync($"/api/workflows/instances/{batchInstance}/signals/accept", new { values = new { summary = "本季度核查完毕" } });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("accepted", (await Api.ReadAsync(await officers["620000"].GetAsync($"/api/verification/batches/{provincial}"), HttpStatusCode.OK))["batch"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task GS_9c_a_Ministry_right_s_result_is_forwarded_to_the_Ministry_by_the_province_never_accepted_by_it()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 7, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var county = await api.AccountAsync("Authority", "620902");
        var province = await api.AccountAsync("Authority", "620000");
        var holder = await api.HolderAsync();
        var ministry = await RegisterAsync(admin, holder, "620902", "100000", "2025-10-15");
        var provincial = await RegisterAsync(admin, holder, "620902", "620000", "2025-11-15");
        await RunAsync(province);
        var tasks = await TasksAsync(county);
        var ministryTask = tasks.Single(t => t["rightId"]!.GetValue<string>() == ministry);
        var provincialTask = tasks.Single(t => t["rightId"]!.GetValue<string>() == provincial);
        await SignalAsync(county, ministryTask, "record", new { result = "inOrder", notes = "界址清楚" }, HttpStatusCode.OK);
        await SignalAsync(county, provincialTask, "record", new { result = "inOrder", notes = "界址清楚" }, HttpStatusCode.OK);

        // The province may not accept the Ministry's right's result: refused under GS-9c in both languages, nothing changes.
        var before = await InstanceAsync(province, ministryTask);
        var refused = await ProblemAssert.ReadAsync(await province.PostAsJsonAsync(
            $"/api/workflows/instances/{ministryTask["instanceId"]}/signals/accept", new { values = new { } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9c", refused["ruleId"]!.GetValue<string>());
        Assert.Contains("forward it to the Ministry", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        Assert.Contains("报部", refused["detailZh"]!.GetValue<string>(), StringComparison.Ordinal);
        var unchanged = await InstanceAsync(province, ministryTask);
        Assert.Equal("recorded", unchanged["state"]!.GetValue<string>());
        Assert.Equal(before["journal"]!.ToJsonString(), unchanged["journal"]!.ToJsonString());

        // Nor may a province-level right's result be forwarded: the province accepts it.
        var notMinistry = await ProblemAssert.ReadAsync(await province.PostAsJsonAsync(
            $"/api/workflows/instances/{provincialTask["instanceId"]}/signals/forward", new { values = new { } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9c", notMinistry["ruleId"]!.GetValue<string>());
        await SignalAsync(province, provincialTask, "accept", new { }, HttpStatusCode.OK);

        // A county officer may not forward it either; the province forwards it (报部), with its remarks.
        await SignalAsync(county, ministryTask, "forward", new { }, HttpStatusCode.Forbidden);
        await SignalAsync(province, ministryTask, "forward", new { remarks = "请部审核" }, HttpStatusCode.OK);
        var forwarded = await InstanceAsync(province, ministryTask);
        Assert.Equal("forwarded", forwarded["state"]!.GetValue<string>());
        Assert.True(forwarded["finished"]!.GetValue<bool>());
        Assert.Contains("报部", forwarded["statusZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Ministry", forwarded["statusEn"]!.GetValue<string>(), StringComparison.Ordinal);
        var step = forwarded["journal"]!.AsArray().Last()!;
        Assert.Equal("signal:forward", step["trigger"]!.GetValue<string>());
        Assert.Equal("forwarded", step["toState"]!.GetValue<string>());
        Assert.Equal("GS-9c", step["ruleId"]!.GetValue<string>());
        Assert.Contains("请部审核", step["note"]!.GetValue<string>(), StringComparison.Ordinal);

        // The right's history says it was forwarded, not accepted; the batch can close.
        var history = (await province.GetFromJsonAsync<JsonArray>($"/api/rights/{ministry}/history"))!;
        Assert.Contains(history, h => h!["what"]!.GetValue<string>() == "verification.forwarded");
        Assert.DoesNotContain(history, h => h!["what"]!.GetValue<string>() == "verification.accepted");
        var batch = (await province.GetFromJsonAsync<JsonArray>("/api/verification/batches?quarter=2025-Q3"))!.Single()!;
        var closed = await province.PostAsJsonAsync($"/api/workflows/instances/{batch["instanceId"]}/signals/accept", new { values = new { } });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Fact]
    public async Task A_task_is_reminded_once_a_stage_and_escalated_to_the_batch_s_authority_when_overdue()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 7, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var countyMail = $"county-{Guid.NewGuid():N}@officers.test";
        var provinceMail = $"province-{Guid.NewGuid():N}@officers.test";
        var county = await api.AccountAsync("Authority", "620923", email: countyMail);
        var province = await api.AccountAsync("Authority", "620000", email: provinceMail);
        var holder = await api.HolderAsync();
        await RegisterAsync(admin, holder, "620923", "620000", "2025-10-31");
        await RunAsync(province);
        var task = Assert.Single(await TasksAsync(county));
        Assert.Equal("2025-07-31", task["dueOn"]!.GetValue<string>());

        // 30 days from 1 July: reminders 7 and 1 day before to the county, each once however often the jobs run.
        foreach (var (month, day) in new[] { (7, 24), (7, 24), (7, 30), (7, 30) })
        {
            await factory.RunJobsAtAsync(TestClock.Shanghai(2025, month, day, 10));
        }

        Assert.Equal(2, (await MailDev.ArrivedAsync(countyMail, "Reminder: verification", 2)).Count);
        Assert.Equal("open", (await Api.ReadAsync(await county.GetAsync($"/api/verification/tasks/{task["id"]}"), HttpStatusCode.OK))["state"]!.GetValue<string>());

        // Not recorded by 31 July: overdue on 1 August, the province (the batch's authority) told once.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 31, 23, 0));
        Assert.DoesNotContain(await MailDev.ForAsync(provinceMail), m => m.Subject.StartsWith("Overdue: verification", StringComparison.Ordinal));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 1, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 2, 10));
        Assert.Single(await MailDev.ArrivedAsync(provinceMail, "Overdue: verification"));
        Assert.Equal("overdue", (await Api.ReadAsync(await county.GetAsync($"/api/verification/tasks/{task["id"]}"), HttpStatusCode.OK))["state"]!.GetValue<string>());

        // Late, the result is still taken.
        await SignalAsync(county, task, "record", new { result = "inOrder", notes = "补报" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_the_verification_policy_expired_no_batch_is_made_and_asking_for_one_says_why()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2026, 4, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var holder = await api.HolderAsync();
        await RegisterAsync(admin, holder, "620923", "620000", "2026-05-31");

        var refused = await ProblemAssert.ReadAsync(await (await api.AuthorityAsync("620000")).PostAsync("/api/verification/batches/run", null), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9b", refused["ruleId"]!.GetValue<string>());
        Assert.Contains("2025-12-31", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/api/verification/batches"))!);
    }

    private static async Task<string> RegisterAsync(HttpClient admin, TestHolder holder, string county, string authority, string expiresOn)
    {
        var right = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/rights", new
        {
            licenseNumber = Api.NewLicenseNumber("C"),
            kind = "mining",
            holderId = holder.Id,
            projectName = "钨矿开采",
            minerals = Tungsten,
            areaKm2 = 2.5m,
            locationCountyCode = county,
            authorityCode = authority,
            transferMode = "agreement",
            blankArea = false,
            registeredOn = "2015-11-01",
            expiresOn,
        }), HttpStatusCode.Created);
        return right["id"]!.GetValue<string>();
    }

    private static readonly string[] Tungsten = ["钨"];

    private static async Task<List<JsonObject>> RunAsync(HttpClient officer)
    {
        var response = await officer.PostAsync("/api/verification/batches/run", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsArray().Select(o => o!.AsObject()).ToList();
    }

    private static async Task<List<JsonObject>> TasksAsync(HttpClient officer) =>
        (await Api.ReadAsync(await officer.GetAsync("/api/verification/tasks?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(t => t!.AsObject()).ToList();

    private static async Task SignalAsync(HttpClient officer, JsonObject task, string signal, object values, HttpStatusCode expected)
    {
        var response = await officer.PostAsJsonAsync($"/api/workflows/instances/{task["instanceId"]}/signals/{signal}", new { values });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{signal}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient officer, JsonObject task) =>
        await Api.ReadAsync(await officer.GetAsync($"/api/workflows/instances/{task["instanceId"]}"), HttpStatusCode.OK);

    private static string LicenseOf(List<JsonObject> tasks, string right) =>
        tasks.Single(t => t["rightId"]!.GetValue<string>() == right)["licenseNumber"]!.GetValue<string>();

    private static async Task<List<MailDev.Mail>> ResultMailsAsync(string email) =>
        (await MailDev.ForAsync(email)).Where(m => m.Subject.StartsWith("Verification result", StringComparison.Ordinal)).ToList();

    private static async Task<int> CaseCountAsync(HttpClient inspector) =>
        (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Count;

    private static async Task<JsonObject> RenewalOfAsync(HttpClient officer, string right)
    {
        var view = await Api.ReadAsync(await officer.GetAsync($"/api/rights/{right}"), HttpStatusCode.OK);
        var renewal = view["workflows"]!.AsArray().First(w => w!["definitionId"]!.GetValue<string>() == "renewal" && !w["finished"]!.GetValue<bool>())!;
        return await Api.ReadAsync(await officer.GetAsync($"/api/workflows/instances/{renewal["instanceId"]}"), HttpStatusCode.OK);
    }
}
