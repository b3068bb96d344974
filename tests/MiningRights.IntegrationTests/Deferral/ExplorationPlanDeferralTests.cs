using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deferral;

/// <summary>GS-9d end to end through the API, on a real SQLite file and a real SMTP server, with time moved forward.</summary>
public sealed class ExplorationPlanDeferralTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task Every_reminder_arrives_once_then_the_overdue_notice_then_the_case()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");
        var inspectorEmail = $"inspector-{Guid.NewGuid():N}@officers.test";
        var inspector = await api.AccountAsync("Inspector", "620900", email: inspectorEmail);
        var otherInspector = await api.AccountAsync("Inspector", "620100");

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();
        var number = right["licenseNumber"]!.GetValue<string>();
        var deadline = Api.LifecycleDeadlines(right)[0];
        Assert.Equal("2026-03-01", deadline["dueOn"]!.GetValue<string>());
        Assert.Equal("GS-9d", deadline["ruleId"]!.GetValue<string>());
        Assert.Equal("awaitingPlan", Api.Lifecycle(right)["state"]!.GetValue<string>());

        // Each stage: nothing a minute before 09:00 on its day, exactly one mail at 09:00, none more on a second run.
        var stages = new (int DaysLeft, DateOnly Day)[] { (60, new(2025, 12, 31)), (30, new(2026, 1, 30)), (7, new(2026, 2, 22)), (1, new(2026, 2, 28)) };
        var expected = 0;
        foreach (var (daysLeft, day) in stages)
        {
            await factory.RunJobsAtAsync(TestClock.Shanghai(day.Year, day.Month, day.Day, 8, 59));
            Assert.Equal(expected, (await MailDev.ForAsync(holder.Email)).Count);

            await factory.RunJobsAtAsync(TestClock.Shanghai(day.Year, day.Month, day.Day, 9, 0));
            await factory.RunJobsAtAsync(TestClock.Shanghai(day.Year, day.Month, day.Day, 9, 30));
            var mails = await MailDev.ForAsync(holder.Email);
            expected++;
            Assert.Equal(expected, mails.Count);
            var reminder = mails.Single(m => m.Subject.Contains($"还剩 {daysLeft} 天", StringComparison.Ordinal));
            Assert.Contains(number, reminder.Subject, StringComparison.Ordinal);
            Assert.Contains("2026-03-01", reminder.Text, StringComparison.Ordinal);
            Assert.Contains($"剩余天数：{daysLeft} 天", reminder.Text, StringComparison.Ordinal);
            Assert.Contains("GS-9d", reminder.Text, StringComparison.Ordinal);
            Assert.Contains("甘肃省自然资源厅", reminder.Text, StringComparison.Ordinal);
            Assert.Contains("勘查实施方案尚未提交", reminder.Text, StringComparison.Ordinal);
            Assert.Contains(number, reminder.Html!, StringComparison.Ordinal);
        }

        // The due date ends at the end of its day in Asia/Shanghai: still nothing at 23:59.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 1, 23, 59));
        Assert.Equal(4, (await MailDev.ForAsync(holder.Email)).Count);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 0, 0));
        var overdue = (await MailDev.ForAsync(holder.Email)).Single(m => m.Subject.Contains("【逾期】", StringComparison.Ordinal));
        Assert.Contains("已逾期 1 天", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("2026-03-01", overdue.Text, StringComparison.Ordinal);
        var state = await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("overdue", Api.Lifecycle(state)["state"]!.GetValue<string>());

        // Grace of 15 days (parameter), then the case.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 16, 23, 59));
        var noCase = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        Assert.Equal(0, noCase.ItemCount());

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 17, 0, 0));
        var cases = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        var opened = cases["items"]!.AsArray().Single()!;
        Assert.Equal(rightId, opened["rightId"]!.GetValue<string>());
        Assert.Equal("GS-9d", opened["ruleId"]!.GetValue<string>());
        Assert.Equal("2026-03-01", opened["dueOn"]!.GetValue<string>());

        var detail = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{opened["id"]}"), HttpStatusCode.OK);
        var history = detail["history"]!.AsArray().Select(h => h!["detail"]!.GetValue<string>()).ToList();
        Assert.Contains(history, h => h.Contains("deadline:planDue: awaitingPlan → overdue", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("deadline:caseGrace: overdue → inCase", StringComparison.Ordinal));

        // The inspector of another city sees neither the case nor the right.
        Assert.Equal(0, (await Api.ReadAsync(await otherInspector.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());
        Assert.Equal(HttpStatusCode.NotFound, (await otherInspector.GetAsync($"/api/rights/{rightId}")).StatusCode);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 1));
        var all = await MailDev.ForAsync(holder.Email);
        Assert.Equal(6, all.Count);
        Assert.Single(all, m => m.Subject.Contains("【立案】", StringComparison.Ordinal));
        var inspectorMail = Assert.Single(await MailDev.ForAsync(inspectorEmail));
        Assert.Contains("Case opened", inspectorMail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_submitted_in_time_is_not_overdue_while_the_review_runs_past_the_due_date()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2026, 2, 27, 15));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(rightId)), HttpStatusCode.Created);
        Assert.False(plan["late"]!.GetValue<bool>());
        Assert.Equal(64, plan["sha256"]!.GetValue<string>().Length);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 20));
        var mails = await MailDev.ForAsync(holder.Email);
        Assert.DoesNotContain(mails, m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
        var view = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("underReview", Api.Lifecycle(view)["state"]!.GetValue<string>());
        Assert.Empty(Api.LifecycleDeadlines(view));

        var decided = await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/decision", new { decision = "approve" });
        Assert.Equal("approved", (await Api.ReadAsync(decided, HttpStatusCode.OK))["status"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 20, 13));
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Approved:", StringComparison.Ordinal));

        var instance = await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{Api.Lifecycle(view)["instanceId"]}"), HttpStatusCode.OK);
        var journal = instance["journal"]!.AsArray();
        Assert.Equal(["start", "signal:submitPlan", "signal:approve"], journal.Select(j => j!["trigger"]!.GetValue<string>()));
        Assert.All(journal, j => Assert.Equal("GS-9d", j!["ruleId"]!.GetValue<string>()));
        Assert.True(instance["finished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_returned_plan_gets_a_resubmission_window_never_earlier_than_the_original_due_date()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var early = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var late = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);

        // Returned early in the year: the window would end before 1 March 2026, so the original date holds.
        factory.Clock.Set(TestClock.Shanghai(2025, 4, 1));
        var earlyPlan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(early["id"]!.GetValue<string>())), HttpStatusCode.Created);
        factory.Clock.Set(TestClock.Shanghai(2025, 4, 10));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{early["id"]}/plans/{earlyPlan["id"]}/decision", new { decision = "return", reasons = "Drilling layout missing.", formalities = Formal.Of(factory.Clock, "GS-9d") }), HttpStatusCode.OK);
        var earlyView = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{early["id"]}"), HttpStatusCode.OK);
        Assert.Equal("returned", Api.Lifecycle(earlyView)["state"]!.GetValue<string>());
        Assert.Equal("2026-03-01", Api.LifecycleDeadlines(earlyView)[0]["dueOn"]!.GetValue<string>());

        // Returned near the due date: 30 days (parameter) from the return.
        factory.Clock.Set(TestClock.Shanghai(2026, 2, 20));
        var latePlan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(late["id"]!.GetValue<string>())), HttpStatusCode.Created);
        factory.Clock.Set(TestClock.Shanghai(2026, 2, 25));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{late["id"]}/plans/{latePlan["id"]}/decision", new { decision = "return", reasons = "Budget table incomplete.", formalities = Formal.Of(factory.Clock, "GS-9d") }), HttpStatusCode.OK);
        var lateView = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{late["id"]}"), HttpStatusCode.OK);
        Assert.Equal("2026-03-27", Api.LifecycleDeadlines(lateView)[0]["dueOn"]!.GetValue<string>());

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 25, 13));
        var returned = (await MailDev.ForAsync(holder.Email)).Where(m => m.Subject.StartsWith("Returned:", StringComparison.Ordinal)).ToList();
        Assert.True(returned.Count == 2, string.Join(" / ", (await MailDev.ForAsync(holder.Email)).Select(m => m.Subject)));
        Assert.Contains(returned, m => m.Text!.Contains("2026-03-27", StringComparison.Ordinal) && m.Text.Contains("Days left: 30 days", StringComparison.Ordinal));

        // The holder resubmits within the window; nothing becomes overdue.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 20));
        await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(late["id"]!.GetValue<string>()), "%PDF-1.4 revised"u8.ToArray()), HttpStatusCode.Created);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 30));
        Assert.DoesNotContain(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains(late["licenseNumber"]!.GetValue<string>(), StringComparison.Ordinal) && m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_late_plan_is_accepted_and_marked_late()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 5));

        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
        Assert.True(plan["late"]!.GetValue<bool>());
        var view = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK);
        Assert.Equal("underReview", Api.Lifecycle(view)["state"]!.GetValue<string>());

        // The grace timer stopped with the submission: no case follows.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 30));
        var admin = await api.AdminAsync();
        Assert.Equal(0, (await Api.ReadAsync(await admin.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());
    }
}
