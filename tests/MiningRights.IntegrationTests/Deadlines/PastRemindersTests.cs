using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>A deadline created after some of its reminder stages have passed: the holder hears of it at once, once.</summary>
public sealed class PastRemindersTests
{
    [Fact]
    public async Task A_right_registered_after_its_60_and_30_day_stages_gets_only_the_30_day_reminder_at_once_and_the_later_stages_still_come()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2026, 2, 5, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var number = right["licenseNumber"]!.GetValue<string>();
        Assert.Equal("2026-03-01", Api.LifecycleDeadlines(right)[0]["dueOn"]!.GetValue<string>());

        // One delivery, no sweep.
        await factory.DeliverAsync();
        var first = Assert.Single(await MailDev.ForAsync(holder.Email));

        // The 30-day stage is the one sent; the mail counts the days actually left.
        Assert.Equal($"Reminder: {number} exploration plan due in 24 days", first.Subject);
        Assert.Contains("2026-03-01", first.Text, StringComparison.Ordinal);
        var deadline = await Api.ReadAsync(await holder.Client.GetAsync($"/api/deadlines/{Api.LifecycleDeadlines(right)[0]["id"]}"), HttpStatusCode.OK);
        Assert.Equal([60, 30], deadline["remindersDone"]!.AsArray().Select(d => d!.GetValue<int>()).Order().Reverse());
        Assert.Equal("reminder-7", deadline["nextStage"]!.GetValue<string>());

        // Sweeps the same day send nothing more: the 60-day stage is not sent late.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 5, 10, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 22, 8, 59));
        Assert.Single(await MailDev.ForAsync(holder.Email));

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 22, 9, 0));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 28, 9, 0));
        var mails = await MailDev.ForAsync(holder.Email);
        Assert.Equal(3, mails.Count);
        Assert.Single(mails, m => m.Subject == $"Reminder: {number} exploration plan due in 7 days");
        Assert.Single(mails, m => m.Subject == $"Reminder: {number} exploration plan due in 1 day");
    }
}
