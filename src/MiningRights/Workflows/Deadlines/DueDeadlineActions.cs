using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>What a sweep does to each due deadline: queues its reminder stage, or fires its expiry's transition.</summary>
internal static class DueDeadlineActions
{
    /// <summary>
    /// Acts on the open deadlines among <paramref name="claimed"/> (read without tracking as they were claimed, in the
    /// scope's unit of work) without saving. A reminder stage changes only its deadline and queues its notices, so those
    /// deadlines stay untracked and their new schedule is queued for a bulk write
    /// (<see cref="MiningRightsDbContext.QueueUpdate"/>). An expiry runs a transition through the runtime, tracked; so
    /// does every deadline of an instance with an expiry in the batch, as the transition may close it.
    /// </summary>
    public static async Task<IReadOnlyList<SweepOutcome>> ActAsync(IServiceProvider services, IReadOnlyList<Deadline> claimed, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MiningRightsDbContext>();
        var registry = services.GetRequiredService<WorkflowRegistry>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var outbox = services.GetRequiredService<INoticeOutbox>();

        // The claim read them due (where claims do not lock rows, a deadline changed meanwhile fails the write on its version).
        var due = claimed.Where(d => d.State == DeadlineState.Open && d.NextActionAtUtc <= now).OrderBy(d => d.NextActionAtUtc).ToList();
        var transitioning = due.Where(d => now >= d.ExpiresAtUtc).Select(d => d.InstanceId).ToHashSet();
        var instances = transitioning.Count == 0 ? [] : await db.WorkflowInstances.Where(i => transitioning.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var quiet = due.Select(d => d.InstanceId).Where(id => !transitioning.Contains(id)).Distinct().ToList();
        foreach (var instance in await db.WorkflowInstances.AsNoTracking().Where(i => quiet.Contains(i.Id)).ToListAsync(ct))
        {
            instances[instance.Id] = instance;
        }

        await runtime.PrefetchDeadlinesAsync(transitioning, ct);
        await runtime.Subjects.PrefetchAsync(instances.Values.Select(i => i.Subject), ct);
        await outbox.PrefetchHoldersAsync(instances.Values.Select(i => i.HolderId).OfType<Guid>(), ct);

        var outcomes = new List<SweepOutcome>(due.Count);
        foreach (var read in due)
        {
            var tracked = transitioning.Contains(read.InstanceId);
            var deadline = tracked ? runtime.KnownDeadlines(read.InstanceId).Single(d => d.Id == read.Id) : read;

            // An earlier expiry in this batch may have closed it (two clocks of one instance).
            if (deadline.State != DeadlineState.Open)
            {
                continue;
            }

            var readVersion = deadline.Version;
            var instance = instances[deadline.InstanceId];
            var definition = await registry.ResolveAsync(instance, db, ct);
            var province = runtime.ParametersOf(instance);
            var outcome = SweepOutcome.Nothing;
            if (now >= deadline.ExpiresAtUtc)
            {
                await runtime.ExpireAsync(deadline, ct);
                outcome = SweepOutcome.Expiry;
            }
            else if (deadline.TakeDueReminder(now, ProvinceCalendar.China, province.ReminderHour) is { } daysBefore)
            {
                var subject = await runtime.Subjects.GetAsync(instance.Subject, ct);
                await ReminderNotices.QueueAsync(outbox, deadline, daysBefore, instance, definition, subject,
                    runtime.Cite(instance, definition, subject, definition.Definition.Deadlines[deadline.Name].Rule), now, ct);
                deadline.Schedule(ProvinceCalendar.China, province.ReminderHour);
                outcome = SweepOutcome.Reminder;
            }
            else
            {
                deadline.Schedule(ProvinceCalendar.China, province.ReminderHour);
            }

            deadline.Attempts = 0;
            deadline.LastError = null;
            deadline.Version++;
            if (!tracked)
            {
                db.QueueUpdate(deadline, readVersion, Deadline.Progress, nameof(Deadline.Version));
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }
}
