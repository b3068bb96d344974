using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>
/// The service's clock jumps (a host resumed after a month, a clock corrected backwards): forward a month, every stage
/// that fell due in that month is handled once, each deadline's latest one sent (the holder hears the current count,
/// not a burst of stale ones) and a deadline that passed meanwhile gets its overdue notice, once; back an hour, nothing
/// is sent again; the next stage after that still comes, once.
/// </summary>
public sealed class ClockJumpTests
{
    [Fact]
    public async Task A_month_forward_handles_each_due_stage_once_and_an_hour_back_sends_nothing_again()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        // Plans due on 20 June (its 7- and 1-day stages and its due date inside the month), 5 July (30- and 7-day stages
        // inside, the 1-day stage after) and 15 August (only the 60-day stage inside).
        var rights = new List<(TestHolder Holder, JsonObject Right)>();
        foreach (var registered in new[] { new DateOnly(2024, 6, 20), new DateOnly(2024, 7, 5), new DateOnly(2024, 8, 15) })
        {
            var holder = await api.HolderAsync("en");
            rights.Add((holder, await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, registered)), HttpStatusCode.Created)));
        }

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 1, 10, 5));
        var before = new List<int>();
        foreach (var (holder, _) in rights)
        {
            before.Add((await MailDev.ForAsync(holder.Email)).Count);
        }

        // A month forward, one sweep and one delivery.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 2, 10));
        var june20 = await NewMailsAsync(rights[0].Holder, before[0]);
        Assert.Single(june20, m => m.Subject.StartsWith("Overdue:", StringComparison.Ordinal));
        // Its reminders are passed over: when the sweep runs, the due date is gone, and "1 day left" would be false.
        Assert.DoesNotContain(june20, m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        var july5 = await NewMailsAsync(rights[1].Holder, before[1]);
        Assert.Equal([$"Reminder: {Number(rights[1].Right)} exploration plan due in 3 days"], july5.Select(m => m.Subject));
        var august15 = await NewMailsAsync(rights[2].Holder, before[2]);
        Assert.Equal([$"Reminder: {Number(rights[2].Right)} exploration plan due in 44 days"], august15.Select(m => m.Subject));
        var july = await DeadlineAsync(rights[1]);
        Assert.Equal([30, 7], july["remindersDone"]!.AsArray().Select(d => d!.GetValue<int>()).Where(d => d <= 30));
        Assert.Equal("reminder-1", july["nextStage"]!.GetValue<string>());

        // An hour back (the clock corrected), the jobs run again: nothing is sent again.
        var counts = new List<int>();
        foreach (var (holder, _) in rights)
        {
            counts.Add((await MailDev.ForAsync(holder.Email)).Count);
        }

        factory.Clock.Set(TestClock.Shanghai(2025, 7, 2, 9));
        await factory.SweepAsync();
        await factory.DeliverAsync();
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 2, 10, 30));
        for (var i = 0; i < rights.Count; i++)
        {
            Assert.Equal(counts[i], (await MailDev.ForAsync(rights[i].Holder.Email)).Count);
        }

        // The 5 July plan's last stage still comes, once.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 4, 9, 5));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 4, 12));
        Assert.Equal([$"Reminder: {Number(rights[1].Right)} exploration plan due in 1 day"], (await NewMailsAsync(rights[1].Holder, counts[1])).Select(m => m.Subject));
    }

    private static string Number(JsonObject right) => right["licenseNumber"]!.GetValue<string>();

    private static async Task<JsonObject> DeadlineAsync((TestHolder Holder, JsonObject Right) right) =>
        await Api.ReadAsync(await right.Holder.Client.GetAsync($"/api/deadlines/{Api.LifecycleDeadlines(right.Right)[0]["id"]}"), HttpStatusCode.OK);

    private static async Task<List<MailDev.Mail>> NewMailsAsync(TestHolder holder, int before)
    {
        await MailDev.WaitUntilReceivedAsync(new Dictionary<string, int> { [holder.Email] = before + 1 });
        var mails = await MailDev.ForAsync(holder.Email);
        return mails.Skip(before).ToList();
    }
}
