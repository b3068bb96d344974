using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Cases;

/// <summary>
/// A workflow whose subject is not a right: the case an overdue plan opens is worked through its own workflow,
/// started, signalled, timed out and notified through the same runtime, with deciding left to the registration authority.
/// </summary>
public sealed class CaseDecisionTests
{
    [Fact]
    public async Task A_case_goes_from_findings_through_a_missed_rectification_to_withdrawal_with_one_notice_per_step()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var countyAuthority = await api.AuthorityAsync("620923");
        var inspector = await api.AccountAsync("Inspector", "620900");
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 10));
        var opened = Assert.Single((await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray())!;
        var caseInstance = opened["caseInstanceId"]!.GetValue<string>();
        Assert.Equal("open", opened["caseState"]!.GetValue<string>());
        var instance = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);
        Assert.Equal("case", instance["subjectKind"]!.GetValue<string>());
        Assert.Equal(opened["id"]!.GetValue<string>(), instance["subjectId"]!.GetValue<string>());
        var before = (await MailDev.ForAsync(holder.Email)).Count;

        async Task<HttpResponseMessage> Signal(HttpClient client, string signal, object? values = null) =>
            await client.PostAsJsonAsync($"/api/workflows/instances/{caseInstance}/signals/{signal}", new { note = "case work", values });

        // Inspectors record findings; the registration authority orders rectification (GS-10d); the holder is told of each.
        await Api.ReadAsync(await Signal(inspector, "recordFindings", new { findings = "No plan on file; no field work seen." }), HttpStatusCode.OK);
        var ordered = await Api.ReadAsync(await Signal(authority, "orderRectification", Formal.With(factory.Clock, new() { ["rectifyBy"] = "2026-04-30", ["order"] = "Submit the plan." })), HttpStatusCode.OK);
        Assert.Equal("rectifying", ordered["state"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 11));

        // The holder's view shows the rectification deadline on its right.
        var view = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Contains(Api.LifecycleDeadlines(view), d => d!["dueOn"]!.GetValue<string>() == "2026-04-30" && d["subjectKind"]!.GetValue<string>() == "case");

        // The date passes: the case times out into rectificationOverdue.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 1, 10));
        var overdue = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{caseInstance}"), HttpStatusCode.OK);
        Assert.Equal("rectificationOverdue", overdue["state"]!.GetValue<string>());

        // Disposing belongs to the registration authority: not the inspector, not a county officer below it.
        await ProblemAssert.ReadAsync(await Signal(inspector, "withdraw"), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadAsync(await Signal(countyAuthority, "withdraw"), HttpStatusCode.Forbidden);
        var withdrawn = await Api.ReadAsync(await Signal(authority, "withdraw", Formal.With(factory.Clock)), HttpStatusCode.OK);
        Assert.Equal("closedWithdrawn", withdrawn["state"]!.GetValue<string>());
        Assert.True(withdrawn["finished"]!.GetValue<bool>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 1, 11));

        var closed = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{opened["id"]}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed["case"]!["status"]!.GetValue<string>());
        Assert.Equal("withdrawal", closed["case"]!["disposition"]!.GetValue<string>());
        Assert.Equal("withdrawn", (await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());

        // One notice per step (findings, order, overdue, withdrawal), besides the reminders of the order's date; none twice.
        var mails = (await MailDev.ForAsync(holder.Email)).Skip(before).Select(m => m.Subject).ToList();
        Assert.Single(mails, s => s.StartsWith("Case: findings recorded", StringComparison.Ordinal));
        Assert.Single(mails, s => s.StartsWith("Rectification ordered", StringComparison.Ordinal));
        Assert.Single(mails, s => s.StartsWith("Rectification overdue", StringComparison.Ordinal));
        Assert.Single(mails, s => s.StartsWith("Withdrawn:", StringComparison.Ordinal));
        Assert.Equal(mails.Count, mails.Distinct().Count());
        Assert.Contains("GS-10d", (await MailDev.ForAsync(holder.Email)).Single(m => m.Subject.StartsWith("Withdrawn:", StringComparison.Ordinal)).Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_officer_sees_a_province_registered_right_but_may_not_decide_its_plan()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var province = await api.AuthorityAsync("620000");
        var county = await api.AuthorityAsync("620923");
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await province.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
        var url = $"/api/rights/{right["id"]}/plans/{plan["id"]}/decision";

        await Api.ReadAsync(await county.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK);
        var refused = await ProblemAssert.ReadAsync(await county.PostAsJsonAsync(url, new { decision = "approve" }), HttpStatusCode.Forbidden);
        Assert.Contains("620000", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        var still = await Api.ReadAsync(await province.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK);
        Assert.Equal("underReview", Api.Lifecycle(still)["state"]!.GetValue<string>());

        await Api.ReadAsync(await province.PostAsJsonAsync(url, new { decision = "approve" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_extension_moves_the_due_date_recomputes_the_unsent_stages_journals_it_and_tells_the_holder()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var county = await api.AuthorityAsync("620923");
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var deadlineId = Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>();

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 12, 31, 9, 30));
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("due in 60 days", StringComparison.Ordinal));

        var body = new { period = "P3M", reason = "Force majeure accepted: access road closed by floods.", ruleId = "GS-10b" };
        await ProblemAssert.ReadAsync(await county.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension", body), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension", body with { ruleId = "GS-99" }), HttpStatusCode.BadRequest);
        var moved = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension", body), HttpStatusCode.OK);
        Assert.Equal("2026-06-01", moved["dueOn"]!.GetValue<string>());
        Assert.Equal([60], moved["remindersDone"]!.AsArray().Select(n => n!.GetValue<int>()));

        // The 30-day stage now falls 30 days before the new date, not before the old one.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 1, 30, 9, 30));
        Assert.DoesNotContain(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("due in 30 days", StringComparison.Ordinal));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 2, 9, 30));
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("due in 30 days", StringComparison.Ordinal));

        var mails = await MailDev.ForAsync(holder.Email);
        var told = Assert.Single(mails, m => m.Subject.StartsWith("Due date moved", StringComparison.Ordinal));
        Assert.Contains("2026-06-01", told.Text!, StringComparison.Ordinal);
        Assert.Contains("GS-10b", told.Text!, StringComparison.Ordinal);

        var instance = await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{Api.Lifecycle(right)["instanceId"]}"), HttpStatusCode.OK);
        var entry = Assert.Single(instance["journal"]!.AsArray(), j => j!["trigger"]!.GetValue<string>() == "extend:planDue")!;
        Assert.Equal("GS-10b", entry["ruleId"]!.GetValue<string>());
        Assert.Contains("floods", entry["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_submitted_nine_days_late_before_any_sweep_noticed_is_late()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);

        factory.Clock.Set(TestClock.Shanghai(2026, 3, 10, 10));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);

        Assert.True(plan["late"]!.GetValue<bool>());
    }
}
