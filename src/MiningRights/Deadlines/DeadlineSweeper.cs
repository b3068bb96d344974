using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.Deadlines;

/// <summary>
/// Acts on deadlines whose next action is due: a reminder stage, or the expiry that fires the workflow's transition.
/// It reads only due rows through the NextActionAtUtc index, in batches, and handles each in its own unit of work
/// whose commit is conditional on the deadline's version: when two sweeps race on a deadline, one commits and the
/// other's work is rolled back, so nothing is sent twice.
/// </summary>
public sealed class DeadlineSweeper(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ParameterOptions> parameters,
    IOptions<JobOptions> jobs,
    ILogger<DeadlineSweeper> logger)
{
    private enum Outcome
    {
        Nothing,
        Reminder,
        Expiry,
        Contended,
        Busy,
        Failed,
    }

    private const int BusyRetries = 3;

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        var busy = new Dictionary<Guid, int>();
        int reminders = 0, expiries = 0, contended = 0, failed = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Guid> batch;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
                batch = await db.Deadlines.AsNoTracking()
                    .Where(d => d.NextActionAtUtc != null && d.NextActionAtUtc <= now)
                    .OrderBy(d => d.NextActionAtUtc)
                    .Select(d => d.Id)
                    .Take(jobs.Value.SweepBatchSize)
                    .ToListAsync(ct);
            }

            var fresh = batch.Where(seen.Add).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var id in fresh)
            {
                switch (await ProcessAsync(id, ct))
                {
                    case Outcome.Reminder: reminders++; break;
                    case Outcome.Expiry: expiries++; break;
                    case Outcome.Contended: contended++; break;
                    case Outcome.Busy when busy.GetValueOrDefault(id) < BusyRetries:
                        // The database was locked, not taken by another sweep: look at it again in this sweep.
                        busy[id] = busy.GetValueOrDefault(id) + 1;
                        seen.Remove(id);
                        break;
                    case Outcome.Busy: contended++; break;
                    case Outcome.Failed: failed++; break;
                    default: break;
                }
            }
        }

        if (reminders + expiries + contended + failed > 0)
        {
            logger.LogInformation("Deadline sweep: {Reminders} reminders, {Expiries} expiries, {Contended} taken by another sweep, {Failed} failed",
                reminders, expiries, contended, failed);
        }

        return new SweepResult(reminders, expiries, contended, failed);
    }

    private async Task<Outcome> ProcessAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            // Re-read: another sweep may have handled it since the batch was listed.
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (deadline is null || deadline.State != DeadlineState.Open || deadline.NextActionAtUtc is null || deadline.NextActionAtUtc > now)
            {
                return Outcome.Nothing;
            }

            var outcome = Outcome.Nothing;
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == deadline.InstanceId, ct);
            var definition = await scope.ServiceProvider.GetRequiredService<WorkflowRegistry>().ResolveAsync(instance, db, ct);
            var province = parameters.Value.For(definition.Definition.Province);
            if (now >= deadline.ExpiresAtUtc)
            {
                await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ExpireAsync(deadline, ct);
                outcome = Outcome.Expiry;
            }
            else if (deadline.TakeDueReminder(now, ProvinceCalendar.China, province.ReminderHour) is { } daysBefore)
            {
                await QueueReminderAsync(db, deadline, daysBefore, instance, definition, now, ct);
                deadline.Schedule(ProvinceCalendar.China, province.ReminderHour);
                outcome = Outcome.Reminder;
            }
            else
            {
                deadline.Schedule(ProvinceCalendar.China, province.ReminderHour);
            }

            deadline.Version++;
            await db.SaveChangesAsync(ct);
            return outcome;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Contended;
        }
        catch (DbUpdateException ex) when (ex.InnerException is DbException)
        {
            // A unique key already taken (another sweep queued the same stage) or a lock not granted in time.
            logger.LogDebug(ex, "Deadline {DeadlineId} not saved: taken by another sweep or database busy", id);
            return Outcome.Busy;
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "Deadline {DeadlineId}: database busy", id);
            return Outcome.Busy;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Deadline {DeadlineId} could not be processed", id);
            return Outcome.Failed;
        }
    }

    private static async Task QueueReminderAsync(
        MiningRightsDbContext db,
        Deadline deadline,
        int daysBefore,
        WorkflowInstance instance,
        LoadedDefinition definition,
        DateTime now,
        CancellationToken ct)
    {
        var spec = definition.Definition.Deadlines[deadline.Name];
        if (spec.ReminderNotice is null)
        {
            return;
        }

        var right = await db.Rights.SingleAsync(r => r.Id == deadline.RightId, ct);
        var holder = await db.Holders.SingleAsync(h => h.Id == deadline.HolderId, ct);
        var template = definition.Definition.Notices[spec.ReminderNotice];
        var state = definition.Definition.States[instance.State];
        var facts = Outbox.Facts(right, holder, state, deadline, deadline.RuleId, ProvinceCalendar.China, now);
        var stage = Deadline.ReminderStage(daysBefore);
        foreach (var recipient in Outbox.HolderContacts(holder))
        {
            Outbox.Enqueue(db, $"deadline:{deadline.Id}:{stage}", template, facts, recipient, stage, right, deadline.Id, now);
        }
    }
}
