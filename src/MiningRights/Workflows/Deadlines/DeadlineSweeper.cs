using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Scheduling;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

/// <summary>
/// Acts on deadlines whose next action is due: a reminder stage, or the expiry that fires the workflow's transition.
/// It reads only due rows through the NextActionAtUtc index. A batch is loaded with its instances, subjects and holders
/// in a few set-based queries and committed at once; each deadline's version makes the commit conditional, so when two
/// sweeps race one of them fails and its batch is redone item by item, each in its own unit of work. An item that fails
/// with an error (not a lost race) is retried later with backoff and parked after <see cref="JobOptions.ItemMaxAttempts"/>;
/// it never holds back the items behind it.
/// </summary>
public sealed class DeadlineSweeper(
    IServiceScopeFactory scopes,
    DatabaseProvider database,
    TimeProvider time,
    IOptions<JobOptions> jobs,
    ILogger<DeadlineSweeper> logger)
{
    private enum Outcome
    {
        Nothing,
        Reminder,
        Expiry,
    }

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        // Ids taken by this sweep: each is acted on once per sweep, by one worker, even if it is still due afterwards
        // (retried later, or taken by another sweep).
        var taken = new HashSet<Guid>();
        var totals = new Totals();
        var workers = Enumerable.Range(0, Math.Max(1, jobs.Value.SweepParallelism)).Select(_ => WorkAsync(taken, totals, ct));
        await Task.WhenAll(workers);

        if (totals.Reminders + totals.Expiries + totals.Contended + totals.Failed > 0)
        {
            logger.LogInformation("Deadline sweep: {Reminders} reminders, {Expiries} expiries, {Contended} taken by another sweep, {Failed} failed",
                totals.Reminders, totals.Expiries, totals.Contended, totals.Failed);
        }

        return new SweepResult(totals.Reminders, totals.Expiries, totals.Contended, totals.Failed);
    }

    /// <summary>Takes the next due batch not taken by another worker of this sweep and acts on it, until none is left.</summary>
    private async Task WorkAsync(HashSet<Guid> taken, Totals totals, CancellationToken ct)
    {
        var size = jobs.Value.SweepBatchSize;
        var parallelism = Math.Max(1, jobs.Value.SweepParallelism);
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Guid> batch;
            bool committed;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();

                // Where claims lock rows, the batch's rows stay locked by this unit of work until it commits and other
                // workers and nodes skip them; elsewhere enough are listed to find a full batch past those the other
                // workers hold uncommitted.
                await using var claim = database.LocksClaimedRows ? await db.Database.BeginTransactionAsync(ct) : null;
                var listed = await ClaimDueAsync(db, now, database.LocksClaimedRows ? size : size * parallelism, only: null, ct);
                lock (taken)
                {
                    batch = listed.Where(taken.Add).Take(size).ToList();
                }

                if (batch.Count == 0)
                {
                    break;
                }

                committed = await TryBatchAsync(scope.ServiceProvider, batch, now, totals, ct);
            }

            if (!committed)
            {
                foreach (var id in batch)
                {
                    await ProcessOneAsync(id, now, totals, ct);
                }
            }
        }
    }

    /// <summary>
    /// Due deadline ids, soonest first. Where the provider locks claimed rows, they are locked in the unit of work's open
    /// transaction: rows another unit of work holds are skipped, except for <paramref name="only"/> one row, which is
    /// waited for (it is this sweep's own, released by a worker that listed it too) and then re-read.
    /// </summary>
    private async Task<List<Guid>> ClaimDueAsync(MiningRightsDbContext db, DateTime now, int limit, Guid? only, CancellationToken ct)
    {
        var onlyOne = only is null ? string.Empty : """ AND "Id" = {2}""";
        var sql = database.SelectForClaim(
            "\"Id\" AS \"Value\"", "\"Deadlines\"", "\"NextActionAtUtc\" IS NOT NULL AND \"NextActionAtUtc\" <= {0}" + onlyOne,
            "\"NextActionAtUtc\"", "{1}", skipLocked: only is null);
        object[] parameters = only is { } id ? [now, limit, id] : [now, limit];
        return await db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(ct);
    }

    /// <summary>
    /// The whole batch in the claiming unit of work; false (nothing saved) when any item fails or another sweep got one
    /// first, and the batch is then done item by item.
    /// </summary>
    private async Task<bool> TryBatchAsync(IServiceProvider services, List<Guid> ids, DateTime now, Totals totals, CancellationToken ct)
    {
        try
        {
            var outcomes = await ActAsync(services, ids, now, ct);
            var db = services.GetRequiredService<MiningRightsDbContext>();
            await db.SaveChangesAsync(ct);
            if (db.Database.CurrentTransaction is { } claim)
            {
                await claim.CommitAsync(ct);
            }

            totals.Add(outcomes);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Deadline batch of {Count} not committed as one; handling each on its own", ids.Count);
            return false;
        }
    }

    private async Task ProcessOneAsync(Guid id, DateTime now, Totals totals, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await using var claim = database.LocksClaimedRows ? await db.Database.BeginTransactionAsync(ct) : null;
            if (claim is not null && (await ClaimDueAsync(db, now, 1, id, ct)).Count == 0)
            {
                // Another node handled it meanwhile.
                totals.Contend();
                return;
            }

            var outcomes = await ActAsync(scope.ServiceProvider, [id], now, ct);
            await db.SaveChangesAsync(ct);
            if (claim is not null)
            {
                await claim.CommitAsync(ct);
            }

            totals.Add(outcomes);
        }
        catch (DbUpdateConcurrencyException)
        {
            totals.Contend();
        }
        catch (DbUpdateException ex) when (ex.InnerException is DbException)
        {
            // A unique key already taken (another sweep queued the same stage) or a lock not granted in time: the item
            // stays due and the next sweep looks at it again.
            logger.LogDebug(ex, "Deadline {DeadlineId} not saved: taken by another sweep or database busy", id);
            totals.Contend();
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "Deadline {DeadlineId}: database busy", id);
            totals.Contend();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            totals.Fail();
            await RecordFailureAsync(id, ex, now, ct);
        }
    }

    /// <summary>
    /// Acts on the due deadlines among <paramref name="ids"/> in the scope's unit of work, without saving. A reminder
    /// stage changes only its deadline and queues its notices, so those deadlines are read without tracking and their
    /// new schedule is queued for a bulk write (<see cref="MiningRightsDbContext.QueueUpdate"/>). An expiry runs a
    /// transition through the runtime, tracked; so does every deadline of an instance with an expiry in the batch,
    /// as the transition may close it.
    /// </summary>
    private static async Task<IReadOnlyList<Outcome>> ActAsync(IServiceProvider services, IReadOnlyList<Guid> ids, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MiningRightsDbContext>();
        var registry = services.GetRequiredService<WorkflowRegistry>();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var outbox = services.GetRequiredService<INoticeOutbox>();

        // Re-read: another sweep may have handled some since the batch was listed.
        var due = await db.Deadlines.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.State == DeadlineState.Open && d.NextActionAtUtc != null && d.NextActionAtUtc <= now)
            .OrderBy(d => d.NextActionAtUtc)
            .ToListAsync(ct);
        var transitioning = due.Where(d => now >= d.ExpiresAtUtc).Select(d => d.InstanceId).ToHashSet();
        var instances = await db.WorkflowInstances.Where(i => transitioning.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var quiet = due.Select(d => d.InstanceId).Where(id => !transitioning.Contains(id)).Distinct().ToList();
        foreach (var instance in await db.WorkflowInstances.AsNoTracking().Where(i => quiet.Contains(i.Id)).ToListAsync(ct))
        {
            instances[instance.Id] = instance;
        }

        await runtime.PrefetchDeadlinesAsync(transitioning, ct);
        await runtime.Subjects.PrefetchAsync(instances.Values.Select(i => i.Subject), ct);
        await outbox.PrefetchHoldersAsync(instances.Values.Select(i => i.HolderId).OfType<Guid>(), ct);

        var outcomes = new List<Outcome>(due.Count);
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
            var outcome = Outcome.Nothing;
            if (now >= deadline.ExpiresAtUtc)
            {
                await runtime.ExpireAsync(deadline, ct);
                outcome = Outcome.Expiry;
            }
            else if (deadline.TakeDueReminder(now, ProvinceCalendar.China, province.ReminderHour) is { } daysBefore)
            {
                var subject = await runtime.Subjects.GetAsync(instance.Subject, ct);
                await ReminderNotices.QueueAsync(outbox, deadline, daysBefore, instance, definition, subject,
                    runtime.Cite(instance, definition, subject, definition.Definition.Deadlines[deadline.Name].Rule), now, ct);
                deadline.Schedule(ProvinceCalendar.China, province.ReminderHour);
                outcome = Outcome.Reminder;
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

    /// <summary>In a unit of work of its own (the failed one is thrown away): count the attempt, back off, park when they run out.</summary>
    private async Task RecordFailureAsync(Guid id, Exception error, DateTime now, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (deadline is null)
            {
                return;
            }

            deadline.Attempts++;
            deadline.LastError = Text.Cut($"{error.GetType().Name}: {error.Message}", 1990);
            deadline.Version++;
            if (deadline.Attempts >= jobs.Value.ItemMaxAttempts)
            {
                deadline.ParkedAtUtc = now;
                deadline.NextActionAtUtc = null;
                logger.LogError(error, "Deadline {DeadlineId} parked after {Attempts} failed attempts; an administrator can retry it", id, deadline.Attempts);
            }
            else
            {
                deadline.NextActionAtUtc = now + jobs.Value.ItemRetryDelay(deadline.Attempts);
                logger.LogWarning(error, "Deadline {DeadlineId} failed (attempt {Attempts}); retry at {Next:o}", id, deadline.Attempts, deadline.NextActionAtUtc);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the failure of deadline {DeadlineId}", id);
        }
    }

    private sealed class Totals
    {
        private int _reminders;
        private int _expiries;
        private int _contended;
        private int _failed;

        public int Reminders => _reminders;

        public int Expiries => _expiries;

        public int Contended => _contended;

        public int Failed => _failed;

        public void Contend() => Interlocked.Increment(ref _contended);

        public void Fail() => Interlocked.Increment(ref _failed);

        public void Add(IEnumerable<Outcome> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                Interlocked.Add(ref _reminders, outcome == Outcome.Reminder ? 1 : 0);
                Interlocked.Add(ref _expiries, outcome == Outcome.Expiry ? 1 : 0);
            }
        }
    }
}
