using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Scheduling;

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
    PlannerStatistics statistics,
    TimeProvider time,
    IOptions<JobOptions> jobs,
    ILogger<DeadlineSweeper> logger)
{
    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        // Ids taken by this sweep: each is acted on once per sweep, by one worker, even if it is still due afterwards
        // (retried later, or taken by another sweep).
        var taken = new HashSet<Guid>();
        var totals = new SweepTotals();
        var workers = Enumerable.Range(0, Math.Max(1, jobs.Value.SweepParallelism)).Select(_ => WorkAsync(taken, totals, ct));
        await Task.WhenAll(workers);

        if (totals.Reminders + totals.Expiries + totals.Contended + totals.Failed > 0)
        {
            logger.LogInformation("Deadline sweep: {Reminders} reminders, {Expiries} expiries, {Contended} taken by another sweep, {Failed} failed",
                totals.Reminders, totals.Expiries, totals.Contended, totals.Failed);
        }

        await statistics.AfterWriteAsync(totals.Reminders + totals.Expiries, ct);

        return new SweepResult(totals.Reminders, totals.Expiries, totals.Contended, totals.Failed);
    }

    /// <summary>Takes the next due batch not taken by another worker of this sweep and acts on it, until none is left.</summary>
    private async Task WorkAsync(HashSet<Guid> taken, SweepTotals totals, CancellationToken ct)
    {
        var size = jobs.Value.SweepBatchSize;
        var parallelism = Math.Max(1, jobs.Value.SweepParallelism);
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            List<Deadline> batch;
            bool committed;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();

                // Where claims lock rows, the batch's rows stay locked by this unit of work until it commits and other
                // workers and nodes skip them.
                await using var claim = database.LocksClaimedRows ? await db.Database.BeginTransactionAsync(ct) : null;
                batch = await DueDeadlineClaim.ClaimBatchAsync(database, db, now, size, parallelism, taken, ct);
                if (batch.Count == 0)
                {
                    break;
                }

                committed = await TryBatchAsync(scope.ServiceProvider, batch, now, totals, ct);
            }

            if (!committed)
            {
                foreach (var deadline in batch)
                {
                    await ProcessOneAsync(deadline.Id, now, totals, ct);
                }
            }
        }
    }

    /// <summary>
    /// The whole batch in the claiming unit of work; false (nothing saved) when any item fails or another sweep got one
    /// first, and the batch is then done item by item.
    /// </summary>
    private async Task<bool> TryBatchAsync(IServiceProvider services, List<Deadline> due, DateTime now, SweepTotals totals, CancellationToken ct)
    {
        try
        {
            var outcomes = await DueDeadlineActions.ActAsync(services, due, now, ct);
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
            logger.LogDebug(ex, "Deadline batch of {Count} not committed as one; handling each on its own", due.Count);
            return false;
        }
    }

    private async Task ProcessOneAsync(Guid id, DateTime now, SweepTotals totals, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await using var claim = database.LocksClaimedRows ? await db.Database.BeginTransactionAsync(ct) : null;
            var due = await DueDeadlineClaim.ClaimOneAsync(database, db, now, id, ct);
            if (due is null)
            {
                // Handled meanwhile: by another node where claims lock rows (else by this node's own earlier try).
                if (claim is not null)
                {
                    totals.Contend();
                }

                return;
            }

            var outcomes = await DueDeadlineActions.ActAsync(scope.ServiceProvider, [due], now, ct);
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
            await DeadlineFailures.RecordAsync(scopes, jobs, logger, id, ex, now, ct);
        }
    }
}
