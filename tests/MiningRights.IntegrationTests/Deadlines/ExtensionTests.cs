using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>Moving a due date (GS-10b force majeure): who may, what the reminders do after, what the holder and the journal see.</summary>
public sealed class ExtensionTests
{
    [Fact]
    public async Task Extending_the_plan_due_date_by_three_months_keeps_sent_reminders_and_recomputes_the_rest_from_the_new_date()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var number = right["licenseNumber"]!.GetValue<string>();
        var deadlineId = Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>();
        var instanceId = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 12, 31, 9, 30));
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject == $"Reminder: {number} exploration plan due in 60 days");

        factory.Clock.Set(TestClock.Shanghai(2026, 1, 5, 10));
        var extended = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension",
            new { period = "P3M", reason = "暴雨致山体滑坡，进场道路中断（不可抗力）。", ruleId = "GS-10b" }), HttpStatusCode.OK);
        Assert.Equal("2026-06-01", extended["dueOn"]!.GetValue<string>());
        Assert.Equal([60], extended["remindersDone"]!.AsArray().Select(d => d!.GetValue<int>()));
        Assert.Equal("reminder-30", extended["nextStage"]!.GetValue<string>());
        Assert.Equal("2026-06-01", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK))["openDeadlines"]![0]!["dueOn"]!.GetValue<string>());

        var journal = (await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK))["journal"]!.AsArray();
        var entry = Assert.Single(journal, j => j!["trigger"]!.GetValue<string>() == "extend:planDue")!;
        Assert.Equal("GS-10b", entry["ruleId"]!.GetValue<string>());
        Assert.Contains("不可抗力", entry["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2026-06-01", entry["note"]!.GetValue<string>(), StringComparison.Ordinal);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 1, 5, 10, 30));
        var moved = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Due date moved", StringComparison.Ordinal));
        Assert.Contains(number, moved.Subject, StringComparison.Ordinal);
        Assert.Contains("2026-06-01", moved.Text, StringComparison.Ordinal);

        // The old 30-day stage, the old due date, the new 60-day stage (already sent) and the eve of the new 30-day stage bring nothing.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 1, 30, 9, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 2, 0, 0));
        Assert.Equal("awaitingPlan", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK))["state"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 2, 9, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 2, 8, 59));
        Assert.Equal(2, (await MailDev.ForAsync(holder.Email)).Count);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 2, 9, 0));
        var mails = await MailDev.ForAsync(holder.Email);
        Assert.Equal(3, mails.Count);
        var thirty = Assert.Single(mails, m => m.Subject == $"Reminder: {number} exploration plan due in 30 days");
        Assert.Contains("2026-06-01", thirty.Text, StringComparison.Ordinal);
        Assert.Single(mails, m => m.Subject.Contains("due in 60 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_registration_authority_may_extend_and_only_under_a_known_rule()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var county = await api.AuthorityAsync("620923");
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var deadlineId = Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>();
        var request = new { period = "P3M", reason = "不可抗力。", ruleId = "GS-10b" };

        // The county officer sees the province-registered right, but does not decide on it.
        await Api.ReadAsync(await county.GetAsync($"/api/rights/{right["id"]}"), HttpStatusCode.OK);
        await ProblemAssert.ReadDenialAsync(await county.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension", request), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await holder.Client.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension", request), HttpStatusCode.Forbidden);
        var unknownRule = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/deadlines/{deadlineId}/extension",
            new { period = "P3M", reason = "不可抗力。", ruleId = "GS-99z" }), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(unknownRule, "ruleId");

        var unchanged = await Api.ReadAsync(await authority.GetAsync($"/api/deadlines/{deadlineId}"), HttpStatusCode.OK);
        Assert.Equal("2026-03-01", unchanged["dueOn"]!.GetValue<string>());
        var journal = (await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{Api.Lifecycle(right)["instanceId"]}"), HttpStatusCode.OK))["journal"]!.AsArray();
        Assert.DoesNotContain(journal, j => j!["trigger"]!.GetValue<string>().StartsWith("extend:", StringComparison.Ordinal));
        await factory.DeliverAsync();
        Assert.Empty(await MailDev.ForAsync(holder.Email));
    }
}
