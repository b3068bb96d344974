using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Licensing;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// Force majeure (不可抗力, GS-10b) and justified reasons (正当理由, GS-10c): the holder claims relief for named duties
/// with a period and evidence; the authority accepts it wholly or for a shorter period, or rejects it. Accepted, the due
/// dates move by the accepted period, the reminders not yet sent are recomputed, no breach arises for the period and the
/// report on resuming is due within 30 days (CN-INVEST). While a claim waits, its duties are not judged breached.
/// </summary>
public sealed class ReliefTests
{
    [Fact]
    public async Task Force_majeure_of_90_days_moves_a_duty_due_on_1_June_2025_to_30_August_and_a_rejected_claim_changes_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第十条", kind = "resultsReport", textZh = "提交阶段勘查成果报告", textEn = "Submit the interim results report", dueOn = "2025-06-01" },
            new { number = "第十一条", kind = "progress", textZh = "完成首批钻孔", textEn = "Finish the first boreholes", dueOn = "2025-06-01" });
        var report = await ObligationAsync(holder.Client, right, "第十条");
        var progress = await ObligationAsync(holder.Client, right, "第十一条");
        Assert.Equal("2025-06-01", report["dueOn"]!.GetValue<string>());
        Assert.Equal("GS-10a", report["ruleId"]!.GetValue<string>());

        // The 60- and 30-day reminders go out before the flood.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 2, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 5, 2, 10));
        var reminders = await RemindersAsync(holder.Email, "提交阶段勘查成果报告");
        Assert.Equal(2, reminders);

        // A flood stops the work from 5 May; the holder claims 90 days (5 May to 2 August) for both duties, separately.
        factory.Clock.Set(TestClock.Shanghai(2025, 5, 10, 10));
        var accepted = await ClaimAsync(holder.Client, right, "forceMajeure", [report["instanceId"]!.GetValue<string>()], "2025-05-05", "2025-08-02");
        var refused = await ClaimAsync(holder.Client, right, "forceMajeure", [progress["instanceId"]!.GetValue<string>()], "2025-05-05", "2025-08-02");
        Assert.Equal("claimed", accepted["state"]!.GetValue<string>());
        Assert.True((await ObligationAsync(holder.Client, right, "第十条"))["reliefPending"]!.GetValue<bool>());

        // A second claim for a duty already claimed waits for the first: 409, nothing written.
        var twice = await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim("forceMajeure", [report["instanceId"]!.GetValue<string>()], "2025-05-05", "2025-08-02"));
        await ProblemAssert.ReadAsync(twice, HttpStatusCode.Conflict);

        await Signal(world.Authority, accepted, "accept", new() { ["acceptedUntil"] = "2025-08-02", ["findings"] = "县应急管理局证明属实" });

        // 2025-06-01 + 90 days = 2025-08-30; the 7- and 1-day reminders are recomputed from it, the sent ones stay sent.
        report = await ObligationAsync(holder.Client, right, "第十条");
        Assert.Equal("2025-08-30", report["dueOn"]!.GetValue<string>());
        Assert.False(report["reliefPending"]!.GetValue<bool>());
        var deadline = await DueDeadlineAsync(holder.Client, report["instanceId"]!.GetValue<string>());
        Assert.Equal("2025-08-30", deadline["dueOn"]!.GetValue<string>());
        Assert.Equal("reminder-7", deadline["nextStage"]!.GetValue<string>());
        Assert.StartsWith("2025-08-23", deadline["nextActionAtUtc"]!.GetValue<string>(), StringComparison.Ordinal);

        // Past the old date, with the other claim still undecided: neither duty is breached.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 2, 2));
        Assert.Equal(0, await EvaluateAsync(factory));
        Assert.Empty(await CasesAsync(inspector));

        // Rejected: the other duty's date stands, and the next evaluation finds the breach under GS-10b.
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 3, 10));
        await Signal(world.Authority, refused, "reject", Formal.With(factory.Clock, new() { ["reasons"] = "停工与洪水无因果关系" }, basis: "GS-10b").ToDictionary(v => v.Key, v => (object)v.Value));
        Assert.Equal("2025-06-01", (await ObligationAsync(holder.Client, right, "第十一条"))["dueOn"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 4, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var breach = Assert.Single(await CasesAsync(inspector));
        Assert.Contains("完成首批钻孔", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // The moved duty: no reminder in between, the 7-day one on 23 August, once; not breached on its new date, breached after.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 22, 10));
        Assert.Equal(2, await RemindersAsync(holder.Email, "提交阶段勘查成果报告"));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 23, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 23, 12));
        Assert.Equal(3, await RemindersAsync(holder.Email, "提交阶段勘查成果报告"));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 30, 23));
        Assert.Equal(0, await EvaluateAsync(factory));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 31, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.Equal(2, (await CasesAsync(inspector)).Count);

        // The report on resuming was due 30 days after the accepted period (1 September): overdue after it, holder and authority told once.
        var claim = await InstanceAsync(holder.Client, accepted["id"]!.GetValue<string>());
        Assert.Equal("2025-09-01", claim["dates"]!["resumptionReport"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 2, 10));
        Assert.Equal("resumptionOverdue", (await InstanceAsync(holder.Client, accepted["id"]!.GetValue<string>()))["state"]!.GetValue<string>());
        var overdue = (await MailDev.ForAsync(holder.Email)).Count(m => m.Subject.Contains("【逾期】", StringComparison.Ordinal) && m.Subject.Contains("恢复施工", StringComparison.Ordinal));
        Assert.Equal(1, overdue);
    }

    [Fact]
    public async Task A_mining_contract_milestone_is_monitored_from_its_clause_and_a_justified_reason_accepted_for_a_shorter_period_moves_it_by_that_period()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("en");
        var right = await world.RegisterUnderContractAsync(holder, "mining", "2040-03-23",
            new { number = "第十二条", kind = "construction", textZh = "2026年6月30日前开工建设", textEn = "Start building the mine by 30 June 2026", dueOn = "2026-06-30" },
            new { number = "第十三条", kind = "greenMine", textZh = "2027年底前建成绿色矿山", textEn = "Complete the green mine by the end of 2027", dueOn = "2027-12-31" },
            new { number = "第十四条", kind = "deepProcessing", textZh = "就地精深加工率不低于60%", textEn = "At least 60% of the ore processed in the province", dueOn = "2028-12-31" });

        var construction = await ObligationAsync(holder.Client, right, "第十二条");
        Assert.Equal("GS-10c", construction["ruleId"]!.GetValue<string>());
        Assert.Equal("GS-11", (await ObligationAsync(holder.Client, right, "第十三条"))["ruleId"]!.GetValue<string>());
        Assert.Equal("2028-12-31", (await ObligationAsync(holder.Client, right, "第十四条"))["dueOn"]!.GetValue<string>());
        Assert.Contains("60%", (await ObligationAsync(holder.Client, right, "第十四条"))["obligationZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // A justified reason is for the mining milestones only; force majeure is claimed for other duties.
        factory.Clock.Set(TestClock.Shanghai(2026, 5, 1, 10));
        var data = await ObligationAsync(holder.Client, right, "CN-GEODATA");
        var wrong = await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim("justifiedReason", [data["instanceId"]!.GetValue<string>()], "2026-04-01", "2026-06-29"));
        Assert.Equal("GS-10c", (await ProblemAssert.ReadAsync(wrong, HttpStatusCode.UnprocessableEntity))["ruleId"]!.GetValue<string>());

        // Claimed for 1 April to 29 June 2026 (90 days); the authority accepts only to 30 April (30 days): due 30 July 2026.
        var claim = await ClaimAsync(holder.Client, right, "justifiedReason", [construction["instanceId"]!.GetValue<string>()], "2026-04-01", "2026-06-29");
        var outside = await world.Authority.PostAsJsonAsync($"/api/workflows/instances/{claim["id"]}/signals/accept", new { values = new Dictionary<string, object> { ["acceptedUntil"] = "2026-07-15" } });
        await ProblemAssert.ReadAsync(outside, HttpStatusCode.BadRequest);
        await Signal(world.Authority, claim, "accept", new() { ["acceptedUntil"] = "2026-04-30" });
        Assert.Equal("2026-07-30", (await ObligationAsync(holder.Client, right, "第十二条"))["dueOn"]!.GetValue<string>());
        var decided = await InstanceAsync(holder.Client, claim["id"]!.GetValue<string>());
        Assert.Contains(decided["journal"]!.AsArray(), j => j!["trigger"]!.GetValue<string>() == "signal:accept" && j["ruleId"]!.GetValue<string>() == "GS-10c");

        // The milestone missed on its moved date is a GS-10c breach the day after, not on the day.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 7, 30, 23));
        Assert.Equal(0, await EvaluateAsync(factory));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 7, 31, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var breach = Assert.Single(await CasesAsync(inspector));
        Assert.Equal("GS-10c", breach["ruleId"]!.GetValue<string>());
        Assert.Contains("clause 第十二条", breach["titleEn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_is_refused_with_field_errors_for_another_holder_s_duties_a_future_period_or_no_evidence_and_writes_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync();
        var other = await world.Api.HolderAsync();
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23");
        var duty = (await ObligationAsync(holder.Client, right, "CN-START"))["instanceId"]!.GetValue<string>();
        factory.Clock.Set(TestClock.Shanghai(2025, 5, 10, 10));

        // Another holder's right is not found, as if it did not exist.
        var foreign = await other.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim("forceMajeure", [duty], "2025-05-01", "2025-05-31"));
        await ProblemAssert.ReadAsync(foreign, HttpStatusCode.NotFound);

        var future = await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim("forceMajeure", [duty], "2025-06-01", "2025-06-30"));
        Assert.Contains("periodFrom", (await ProblemAssert.ReadAsync(future, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));

        var bare = await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims",
            new { ground = "storm", duties = Array.Empty<string>(), periodFrom = "2025-05-01", periodTo = "2025-04-01", reason = "" });
        var errors = (await ProblemAssert.ReadAsync(bare, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["duties", "evidence", "ground", "periodTo", "reason"], errors.Order(StringComparer.Ordinal));

        var unknown = await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim("forceMajeure", [Guid.NewGuid().ToString()], "2025-05-01", "2025-05-31"));
        await ProblemAssert.ReadAsync(unknown, HttpStatusCode.BadRequest);

        var claims = (await InstanceListAsync(holder.Client, right)).Where(w => w["definitionId"]!.GetValue<string>() == ClaimRelief.Workflow);
        Assert.Empty(claims);
    }

    [Fact]
    public async Task GS_9e_a_construction_duty_of_a_provisional_licence_is_relieved_for_a_justified_reason_like_a_contract_milestone_and_no_breach_arises()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var inspector = await api.AccountAsync("Inspector", "620000");
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", ProvisionalLicenseTests.MiningRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        factory.Clock.Set(TestClock.Shanghai(2025, 9, 1, 10));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 20)), HttpStatusCode.Created);
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/expert-review", ProvisionalLicenseTests.Passed("2025-09-01")), HttpStatusCode.OK);

        // The approval started the construction duties (GS-9e); each is an obligation the holder may claim relief for.
        var start = await DutyAsync(holder.Client, right, "Start mine construction");
        Assert.Equal("mine-construction-obligation", start["workflow"]!.GetValue<string>());
        Assert.Equal("2027-06-30", start["dueOn"]!.GetValue<string>());

        // Work held up by a justified reason from 1 April to 29 June 2027 (90 days): claimed, accepted in full.
        factory.Clock.Set(TestClock.Shanghai(2027, 5, 10, 10));
        var claim = await ClaimAsync(holder.Client, right, "justifiedReason", [start["instanceId"]!.GetValue<string>()], "2027-04-01", "2027-06-29");
        Assert.True((await DutyAsync(holder.Client, right, "Start mine construction"))["reliefPending"]!.GetValue<bool>());
        await Signal(authority, claim, "accept", new() { ["acceptedUntil"] = "2027-06-29", ["findings"] = "征地手续延误属实" });

        // 30 June 2027 + 90 days = 28 September 2027: the deadline moved, and the day after the old date brings no breach.
        start = await DutyAsync(holder.Client, right, "Start mine construction");
        Assert.Equal("2027-09-28", start["dueOn"]!.GetValue<string>());
        Assert.Equal("2027-09-28", (await DueDeadlineAsync(holder.Client, start["instanceId"]!.GetValue<string>()))["dueOn"]!.GetValue<string>());
        var journal = (await InstanceAsync(holder.Client, start["instanceId"]!.GetValue<string>()))["journal"]!.AsArray();
        Assert.Contains(journal, j => j!["trigger"]!.GetValue<string>() == "extend:due" && j["ruleId"]!.GetValue<string>() == "GS-10c");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 7, 2, 2));
        Assert.Equal(0, await EvaluateAsync(factory));
        Assert.Equal("open", (await DutyAsync(holder.Client, right, "Start mine construction"))["state"]!.GetValue<string>());
        Assert.Empty(await CasesAsync(inspector));

        // Judged like a contract milestone: missed after the moved date, it is a breach with a case.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 9, 30, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var breach = Assert.Single(await CasesAsync(inspector));
        Assert.Equal("GS-10c", breach["ruleId"]!.GetValue<string>());
        Assert.Contains("Start mine construction", breach["titleEn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> DutyAsync(HttpClient client, JsonObject right, string whatEn)
    {
        var page = await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={right["id"]}&pageSize=200"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(o => o!.AsObject()).Single(o => o["obligationEn"]!.GetValue<string>() == whatEn);
    }

    private static object Claim(string ground, string[] duties, string from, string to) => new
    {
        ground,
        duties,
        periodFrom = from,
        periodTo = to,
        reason = "特大洪水冲毁进场道路，无法施工",
        evidence = "县应急管理局灾情证明（2025年第12号）",
    };

    private static async Task<JsonObject> ClaimAsync(HttpClient holder, JsonObject right, string ground, string[] duties, string from, string to) =>
        await Api.ReadAsync(await holder.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", Claim(ground, duties, from, to)), HttpStatusCode.Created);

    private static async Task Signal(HttpClient authority, JsonObject instance, string signal, Dictionary<string, object> values)
    {
        var response = await authority.PostAsJsonAsync($"/api/workflows/instances/{instance["id"]}/signals/{signal}", new { values });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The duty of the right whose clause (or, without one, rule) is <paramref name="clause"/>, as the holder's obligations list shows it.</summary>
    private static async Task<JsonObject> ObligationAsync(HttpClient client, JsonObject right, string clause)
    {
        var page = await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={right["id"]}&pageSize=200"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(o => o!.AsObject()).First(o => o["clause"]!.GetValue<string>() == clause);
    }

    private static async Task<JsonObject> DueDeadlineAsync(HttpClient client, string instanceId)
    {
        var page = await Api.ReadAsync(await client.GetAsync("/api/deadlines?pageSize=200"), HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["instanceId"]!.GetValue<string>() == instanceId && d["name"]!.GetValue<string>() == "due");
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{id}"), HttpStatusCode.OK);

    private static async Task<List<JsonObject>> InstanceListAsync(HttpClient client, JsonObject right) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK))["workflows"]!.AsArray().Select(w => w!.AsObject()).ToList();

    private static async Task<int> RemindersAsync(string email, string what) =>
        (await MailDev.ForAsync(email)).Count(m => m.Subject.StartsWith("【提醒】", StringComparison.Ordinal) && m.Subject.Contains(what, StringComparison.Ordinal));

    private static Task<int> EvaluateAsync(ServiceFactory factory) =>
        factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None);

    private static async Task<List<JsonObject>> CasesAsync(HttpClient inspector) =>
        (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(c => c!.AsObject()).ToList();
}
