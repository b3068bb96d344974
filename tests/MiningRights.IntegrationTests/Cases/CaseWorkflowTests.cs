using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Cases;

/// <summary>The case workflow (GS-10d) on a case opened by an overdue GS-9d plan: findings, rectification, disposition.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task A_case_climbs_from_findings_through_an_overdue_rectification_to_withdrawal_with_one_notice_per_step()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var countyAuthority = await api.AuthorityAsync("620923");
        var holder = await api.HolderAsync("en");
        var inspectorEmail = $"inspector-{Guid.NewGuid():N}@officers.test";
        var inspector = await api.AccountAsync("Inspector", "620900", email: inspectorEmail);
        var (rightId, number, opened) = await OpenCaseAsync(factory, authority, holder, inspector);
        var caseId = opened["id"]!.GetValue<string>();
        var caseInstance = opened["caseInstanceId"]!.GetValue<string>();
        var instance = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);
        Assert.Equal("case", instance["subjectKind"]!.GetValue<string>());
        Assert.Equal(caseId, instance["subjectId"]!.GetValue<string>());
        Assert.Equal("open", instance["state"]!.GetValue<string>());
        var holderBefore = (await MailDev.ForAsync(holder.Email)).Count;
        var inspectorBefore = (await MailDev.ForAsync(inspectorEmail)).Count;

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 18, 10));
        var findings = await Api.ReadAsync(await inspector.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/recordFindings",
            new { note = "现场核查", values = new Dictionary<string, string> { ["findings"] = "勘查实施方案逾期未提交，现场未开展勘查工作。" } }), HttpStatusCode.OK);
        Assert.Equal("findingsRecorded", findings["state"]!.GetValue<string>());

        var ordered = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/orderRectification",
            new { note = "责令整改", values = Formal.With(factory.Clock, new() { ["rectifyBy"] = "2026-04-17", ["order"] = "提交勘查实施方案并开工。" }) }), HttpStatusCode.OK);
        Assert.Equal("rectifying", ordered["state"]!.GetValue<string>());
        Assert.Equal("rectifying", (await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK))["case"]!["caseState"]!.GetValue<string>());

        // Reminders of the rectification date at the stages that fall inside the 30 days, then its end of day passes.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 18, 10, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 10, 9, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 16, 9, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 17, 23, 59));
        Assert.Equal("rectifying", (await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 18, 0, 0));
        var overdue = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);
        Assert.Equal("rectificationOverdue", overdue["state"]!.GetValue<string>());

        // Neither an inspector nor a county authority below the registration authority may withdraw; nothing changes.
        await ProblemAssert.ReadDenialAsync(await inspector.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/withdraw", new { note = "收回" }), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await countyAuthority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/withdraw", new { note = "收回" }), HttpStatusCode.Forbidden);
        var unchanged = await Api.ReadAsync(await authority.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("rectificationOverdue", unchanged["case"]!["caseState"]!.GetValue<string>());
        Assert.Null(unchanged["case"]!["disposition"]);
        Assert.NotEqual("withdrawn", (await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());

        factory.Clock.Set(TestClock.Shanghai(2026, 4, 20, 10));
        var withdrawn = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/withdraw", new { note = "依法依约收回", values = Formal.With(factory.Clock) }), HttpStatusCode.OK);
        Assert.Equal("closedWithdrawn", withdrawn["state"]!.GetValue<string>());
        Assert.True(withdrawn["finished"]!.GetValue<bool>());
        var closed = await Api.ReadAsync(await authority.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed["case"]!["status"]!.GetValue<string>());
        Assert.Equal("withdrawal", closed["case"]!["disposition"]!.GetValue<string>());
        Assert.Equal("withdrawn", (await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());

        // Closed, the case is overdue no more (its rectification was due on 17 April): no days overdue, not among the overdue.
        Assert.Equal(0, closed["case"]!["daysOverdue"]!.GetValue<int>());
        var overdueCases = await Api.ReadAsync(await authority.GetAsync("/api/cases?minDaysOverdue=1"), HttpStatusCode.OK);
        Assert.DoesNotContain(overdueCases["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == caseId);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 20, 10, 30));
        var caseMails = (await MailDev.ForAsync(holder.Email)).Skip(holderBefore).Select(m => m.Subject).ToList();
        var all = string.Join(" / ", caseMails);
        Assert.True(caseMails.Count == 8, all);
        Assert.Single(caseMails, s => s == $"Case: findings recorded for {number}");
        Assert.Single(caseMails, s => s.StartsWith($"Rectification ordered: {number} by 2026-04-17 (甘自然资矿决〔2026〕", StringComparison.Ordinal));
        Assert.Single(caseMails, s => s == $"Reminder: {number} rectification due in 30 days");
        Assert.Single(caseMails, s => s == $"Reminder: {number} rectification due in 7 days");
        Assert.Single(caseMails, s => s == $"Reminder: {number} rectification due in 1 day");
        Assert.Single(caseMails, s => s == $"Rectification overdue: {number}");
        Assert.Single(caseMails, s => s.StartsWith($"Withdrawn: {number} (甘自然资矿决〔2026〕", StringComparison.Ordinal));
        Assert.Single(caseMails, s => s == $"Reminder: {number} Submit the geological data due in 15 days");

        var inspectorMails = (await MailDev.ForAsync(inspectorEmail)).Skip(inspectorBefore).Select(m => m.Subject).ToList();
        Assert.Single(inspectorMails, s => s.Contains("Rectification overdue", StringComparison.Ordinal));
        Assert.Single(inspectorMails, s => s.Contains("Withdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imposing_damages_closes_the_case_with_the_amount_and_a_missing_amount_is_a_field_error()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var inspector = await api.AccountAsync("Inspector", "620900");
        var (_, _, opened) = await OpenCaseAsync(factory, authority, holder, inspector);
        var caseId = opened["id"]!.GetValue<string>();
        var caseInstance = opened["caseInstanceId"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 18, 10));
        await Api.ReadAsync(await inspector.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/recordFindings",
            new { values = new Dictionary<string, string> { ["findings"] = "逾期未提交方案。" } }), HttpStatusCode.OK);

        var missing = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/imposeDamages",
            new { note = "违约金", values = new Dictionary<string, string>() }), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(missing, "amountYuan");
        var still = await Api.ReadAsync(await authority.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("findingsRecorded", still["case"]!["caseState"]!.GetValue<string>());
        Assert.Null(still["case"]!["damagesYuan"]);

        var imposed = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/imposeDamages",
            new { note = "按合同收取违约金", values = Formal.With(factory.Clock, new() { ["amountYuan"] = "50000" }) }), HttpStatusCode.OK);
        Assert.Equal("closedDamages", imposed["state"]!.GetValue<string>());
        var closed = await Api.ReadAsync(await authority.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed["case"]!["status"]!.GetValue<string>());
        Assert.Equal("liquidatedDamages", closed["case"]!["disposition"]!.GetValue<string>());
        Assert.Equal(50000m, closed["case"]!["damagesYuan"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task GS_10d_an_inspector_may_not_decide_a_case_but_proposes_a_disposition_that_is_journalled_told_to_the_authority_and_decided_by_it()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authorityEmail = $"authority-{Guid.NewGuid():N}@officers.test";
        var authority = await api.AccountAsync("Authority", "620000", email: authorityEmail);
        var holder = await api.HolderAsync("en");
        var inspector = await api.AccountAsync("Inspector", "620900");
        var (rightId, number, opened) = await OpenCaseAsync(factory, authority, holder, inspector);
        var caseId = opened["id"]!.GetValue<string>();
        var caseInstance = opened["caseInstanceId"]!.GetValue<string>();
        Task<HttpResponseMessage> Signal(HttpClient client, string signal, Dictionary<string, string>? values = null) =>
            client.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/{signal}", new { note = "GS-10d", values });

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 18, 10));
        await Api.ReadAsync(await Signal(inspector, "recordFindings", new() { ["findings"] = "勘查实施方案逾期未提交。" }), HttpStatusCode.OK);
        var before = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);

        // Every decision is the registration authority's: the inspector is refused each one, and nothing changes.
        await ProblemAssert.ReadDenialAsync(await Signal(inspector, "orderRectification", new() { ["rectifyBy"] = "2026-04-17", ["order"] = "提交方案。" }), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await Signal(inspector, "imposeDamages", new() { ["amountYuan"] = "50000" }), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await Signal(inspector, "suspend"), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await Signal(inspector, "withdraw"), HttpStatusCode.Forbidden);
        var unchanged = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);
        Assert.Equal("findingsRecorded", unchanged["state"]!.GetValue<string>());
        Assert.Equal(before["journal"]!.AsArray().Count, unchanged["journal"]!.AsArray().Count);
        Assert.Null(unchanged["dates"]!["rectifyBy"]);
        Assert.DoesNotContain(Api.LifecycleDeadlines(await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK)),
            d => d!["subjectKind"]!.GetValue<string>() == "case");

        // The inspector proposes, with the kind and the reasons: journalled, and the authority's officers are told.
        var bad = await ProblemAssert.ReadAsync(await Signal(inspector, "proposeDisposition", new() { ["proposal"] = "execution" }), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(bad, "proposal", "reasons");
        var proposed = await Api.ReadAsync(await Signal(inspector, "proposeDisposition",
            new() { ["proposal"] = "withdrawal", ["reasons"] = "两年未开展勘查工作，经责令仍不整改。" }), HttpStatusCode.OK);
        Assert.Equal("dispositionProposed", proposed["state"]!.GetValue<string>());
        var entry = proposed["journal"]!.AsArray().Last()!;
        Assert.Equal("signal:proposeDisposition", entry["trigger"]!.GetValue<string>());
        Assert.Equal("GS-10d", entry["ruleId"]!.GetValue<string>());
        Assert.Contains("proposal = withdrawal", entry["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("两年未开展勘查工作", entry["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var waiting = await Api.ReadAsync(await authority.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("awaitingDecision", waiting["case"]!["status"]!.GetValue<string>());
        Assert.Null(waiting["case"]!["disposition"]);
        Assert.NotEqual("withdrawn", (await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        await ProblemAssert.ReadDenialAsync(await Signal(inspector, "withdraw"), HttpStatusCode.Forbidden);

        await factory.DeliverAsync();
        var told = Assert.Single(await MailDev.ForAsync(authorityEmail), m => m.Subject.StartsWith("Disposition proposed", StringComparison.Ordinal)
            || m.Subject.StartsWith("【处置建议】", StringComparison.Ordinal));
        Assert.Contains(number, told.Subject, StringComparison.Ordinal);
        Assert.Contains("两年未开展勘查工作", told.Text!, StringComparison.Ordinal);
        Assert.Contains("GS-10d", told.Text!, StringComparison.Ordinal);

        // The authority decides otherwise: a rectification order, which runs with its deadline.
        var ordered = await Api.ReadAsync(await Signal(authority, "orderRectification", Formal.With(factory.Clock, new() { ["rectifyBy"] = "2026-04-17", ["order"] = "提交勘查实施方案并开工。" })), HttpStatusCode.OK);
        Assert.Equal("rectifying", ordered["state"]!.GetValue<string>());
        Assert.Equal("2026-04-17", ordered["dates"]!["rectifyBy"]!.GetValue<string>());
        await factory.DeliverAsync();
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith($"Rectification ordered: {number} by 2026-04-17 (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CN_GEODATA_a_withdrawal_ends_the_right_s_processes_and_starts_its_geological_data_due_15_days_later()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var inspector = await api.AccountAsync("Inspector", "620900");
        var (rightId, number, opened) = await OpenCaseAsync(factory, authority, holder, inspector);
        var caseInstance = opened["caseInstanceId"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 18, 10));
        await Api.ReadAsync(await inspector.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/recordFindings",
            new { values = new Dictionary<string, string> { ["findings"] = "逾期未提交方案，未开展勘查工作。" } }), HttpStatusCode.OK);
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/withdraw", new { note = "依法依约收回", values = Formal.With(factory.Clock) }), HttpStatusCode.OK);

        // The withdrawal took effect on 18 March 2026: every other process of the right ended, and the data is due on 2 April.
        var right = await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("withdrawn", right["status"]!.GetValue<string>());
        var running = right["workflows"]!.AsArray().Select(w => w!.AsObject()).Where(w => !w["finished"]!.GetValue<bool>()).ToList();
        var data = Assert.Single(running);
        Assert.Equal("geological-data", data["definitionId"]!.GetValue<string>());
        var deadline = Assert.Single(right["openDeadlines"]!.AsArray())!;
        Assert.Equal(data["instanceId"]!.GetValue<string>(), deadline["instanceId"]!.GetValue<string>());
        var owed = Assert.Single((await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={rightId}"), HttpStatusCode.OK))["items"]!.AsArray())!;
        Assert.Equal("CN-GEODATA", owed["ruleId"]!.GetValue<string>());
        Assert.Equal("CN-GEODATA", owed["clause"]!.GetValue<string>());
        Assert.Equal("2026-04-02", owed["dueOn"]!.GetValue<string>());
        await factory.DeliverAsync();
        Assert.Contains("within 15 days", Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject!.StartsWith($"Withdrawn: {number} (", StringComparison.Ordinal)).Text!, StringComparison.Ordinal);

        // Owed on the withdrawn right: not a breach on its day, a breach with a case the day after.
        var evaluator = factory.Services.GetRequiredService<PerformanceEvaluator>();
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 2, 23));
        Assert.Equal(0, await evaluator.EvaluateAsync(CancellationToken.None));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 3, 2));
        Assert.Equal(1, await evaluator.EvaluateAsync(CancellationToken.None));
        var cases = (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Contains(cases, c => c!["titleEn"]!.GetValue<string>().Contains("geological data within 15 days", StringComparison.Ordinal));
    }

    /// <summary>Registers a GS-9d right on 1 March 2025 and runs past its due date and the grace until the case opens.</summary>
    private static async Task<(string RightId, string Number, JsonObject Case)> OpenCaseAsync(ServiceFactory factory, HttpClient authority, TestHolder holder, HttpClient inspector)
    {
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 0, 0));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 0, 0));
        var cases = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        var opened = Assert.Single(cases["items"]!.AsArray())!.AsObject();
        Assert.Equal(right["id"]!.GetValue<string>(), opened["rightId"]!.GetValue<string>());
        Assert.Equal("open", opened["caseState"]!.GetValue<string>());
        return (right["id"]!.GetValue<string>(), right["licenseNumber"]!.GetValue<string>(), opened);
    }
}
