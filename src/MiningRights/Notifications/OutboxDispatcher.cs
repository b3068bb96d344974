using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>
/// Delivers pending notices. Each is claimed by one update that moves its next attempt past the claim period (rows
/// another process is claiming are skipped where the database locks rows), so two processes never send the same notice. Claimed notices are sent by
/// <see cref="OutboxOptions.DeliveryParallelism"/> workers, each over its own mail session (one SMTP connection kept for
/// the run). A failure schedules a retry with exponential backoff, and after the configured attempts the notice is
/// marked dead; a notice the mail server refuses for good (<see cref="MailRefusedException.Permanent"/>) is dead at
/// once. Nothing is deleted.
/// <para>
/// Sending and recording "sent" are two steps. Once the server has accepted a notice, "sent" is its own small write
/// with its own short retries; a database error there is not a failed send and never makes this process send the
/// notice again. If the write still fails, the notice is kept in memory and written before this process sends
/// anything else. (Should the process stop first, the notice goes out again when its claim lapses, with the same
/// Message-ID, so the receiving side can recognise the repeat.)
/// </para>
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    DatabaseProvider database,
    IMailSender sender,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    // Accepted by the mail server, "sent" not yet written: notification id and when it was accepted.
    private readonly ConcurrentDictionary<Guid, DateTime> _unrecorded = new();

    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken ct)
    {
        var parallelism = options.Value.DeliveryParallelism;
        if (parallelism < 1)
        {
            throw new InvalidOperationException($"Outbox:DeliveryParallelism must be at least 1, not {parallelism}.");
        }

        var run = new Run();
        if (!_unrecorded.IsEmpty)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await RecordUnrecordedAsync(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>()))
            {
                return run.Result(_unrecorded.Count);
            }
        }

        var queue = Channel.CreateBounded<Claim>(new BoundedChannelOptions(parallelism) { SingleWriter = true });

        // A worker that fails outright stops the claiming too, so that it never waits for a worker that is gone.
        using var workerFailed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, parallelism)
            .Select(_ => Task.Run(
                async () =>
                {
                    try
                    {
                        await SendClaimedAsync(queue.Reader, run, ct);
                    }
                    catch
                    {
                        await workerFailed.CancelAsync();
                        throw;
                    }
                },
                CancellationToken.None))
            .ToList();
        try
        {
            await ClaimDueAsync(queue.Writer, run, workerFailed.Token);
        }
        finally
        {
            queue.Writer.TryComplete();
            await Task.WhenAll(workers);
        }

        var result = run.Result(_unrecorded.Count);
        if (result.Sent + result.Retrying + result.Dead > 0)
        {
            logger.LogInformation("Outbox delivery: {Sent} sent, {Retrying} to retry, {Dead} dead, {Unrecorded} sent but not yet recorded",
                result.Sent, result.Retrying, result.Dead, result.Unrecorded);
        }

        return result;
    }

    private async Task ClaimDueAsync(ChannelWriter<Claim> queue, Run run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        while (!run.Stopped)
        {
            // Claimed a few at a time, when a worker is about to be free, so that a claim does not lapse while its
            // notice waits behind slow sends.
            if (!await queue.WaitToWriteAsync(ct))
            {
                return;
            }

            var claimed = await ClaimAsync(db, options.Value.DeliveryParallelism, ct);
            if (claimed.Count == 0)
            {
                return;
            }

            foreach (var claim in claimed)
            {
                // Accepted by the mail server but not yet recorded: never offered again; it is recorded before anything is sent.
                if (!_unrecorded.ContainsKey(claim.Notification.Id))
                {
                    await queue.WriteAsync(claim, ct);
                }
            }
        }
    }

    /// <summary>
    /// Claims up to <paramref name="count"/> due notices, soonest first, in one statement: each one's next attempt moves
    /// past the claim period and its attempts count up, so no other process takes it meanwhile. Where the provider locks
    /// claimed rows, rows another process is claiming are skipped instead of waited for.
    /// </summary>
    private async Task<List<Claim>> ClaimAsync(MiningRightsDbContext db, int count, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimedUntil = now.AddSeconds(options.Value.ClaimSeconds);

        // Sent only in the first half of the claim, so that it cannot lapse in the middle of a send.
        var sendBefore = now.AddSeconds(options.Value.ClaimSeconds / 2.0);
        var due = database.SelectForClaim(
            "\"Id\"", "\"Notifications\"", "\"Status\" = {1} AND \"NextAttemptAtUtc\" <= {2}", "\"NextAttemptAtUtc\"", "{3}", skipLocked: true);
        var sql = database.UpdateReturningRows(
            "\"Notifications\"", "\"NextAttemptAtUtc\" = {0}, \"Attempts\" = \"Attempts\" + 1", $"\"Id\" IN ({due})");
        var claimed = await db.Notifications
            .FromSqlRaw(sql, claimedUntil, nameof(NotificationStatus.Pending), now, count)
            .AsNoTracking()
            .ToListAsync(ct);
        return claimed.OrderBy(n => n.CreatedAtUtc).Select(n => new Claim(n, n.Attempts, sendBefore)).ToList();
    }

    /// <summary>One worker: one mail session, one database context, one claimed notice after another.</summary>
    private async Task SendClaimedAsync(ChannelReader<Claim> queue, Run run, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        IMailSession? session = null;
        try
        {
            await foreach (var claim in queue.ReadAllAsync(ct))
            {
                var notice = claim.Notification;

                // Left claimed when skipped: offered again when the claim lapses.
                if (run.Stopped)
                {
                    continue;
                }

                if (!await RecordUnrecordedAsync(db))
                {
                    run.Stop();
                    continue;
                }

                if (time.GetUtcNow().UtcDateTime >= claim.SendBeforeUtc)
                {
                    logger.LogWarning("Notice {NotificationId} waited too long for a free worker; it is sent when its claim lapses", notice.Id);
                    continue;
                }

                try
                {
                    session ??= sender.OpenSession();
                    await session.SendAsync(notice, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await RecordFailureAsync(db, claim, ex, run);
                    continue;
                }

                run.CountSent();
                var sentAtUtc = time.GetUtcNow().UtcDateTime;
                if (!await TryRecordSentAsync(db, notice.Id, sentAtUtc))
                {
                    _unrecorded[notice.Id] = sentAtUtc;
                }
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    /// <summary>Writes "sent" for every notice still held in memory; false when one still cannot be written.</summary>
    private async Task<bool> RecordUnrecordedAsync(MiningRightsDbContext db)
    {
        if (_unrecorded.IsEmpty)
        {
            return true;
        }

        foreach (var (id, sentAtUtc) in _unrecorded.ToArray())
        {
            if (!await TryRecordSentAsync(db, id, sentAtUtc))
            {
                logger.LogError("Delivery paused: notice {NotificationId} was accepted by the mail server at {SentAt:o} and 'sent' still cannot be written", id, sentAtUtc);
                return false;
            }

            _unrecorded.TryRemove(id, out _);
            logger.LogInformation("Notice {NotificationId}, accepted by the mail server at {SentAt:o}, is now recorded as sent", id, sentAtUtc);
        }

        return true;
    }

    /// <summary>
    /// Records a notice the server has accepted; a few quick attempts, because the message is out and only the record
    /// is missing. Not cancellable: a shutdown must not leave an accepted notice unrecorded.
    /// </summary>
    private async Task<bool> TryRecordSentAsync(MiningRightsDbContext db, Guid id, DateTime sentAtUtc)
    {
        var attempts = Math.Max(1, options.Value.SentRecordAttempts);
        var wait = TimeSpan.FromMilliseconds(options.Value.SentRecordRetryMilliseconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Notifications
                    .Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sent)
                        .SetProperty(n => n.SentAtUtc, sentAtUtc)
                        .SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (attempt < attempts)
            {
                logger.LogWarning(ex, "Notice {NotificationId} was accepted by the mail server, but writing 'sent' failed (attempt {Attempt} of {Attempts})", id, attempt, attempts);
                await Task.Delay(wait);
                wait *= 2;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Notice {NotificationId} was accepted by the mail server, but 'sent' could not be written after {Attempts} attempts; it is kept in memory and written before anything else is sent", id, attempts);
                return false;
            }
        }
    }

    private async Task RecordFailureAsync(MiningRightsDbContext db, Claim claim, Exception failure, Run run)
    {
        var notice = claim.Notification;
        // Refused for good by the mail server (a 5xx for this notice): dead now, with the server's reply.
        var refused = failure as MailRefusedException;
        var give = refused?.Permanent == true || claim.Attempts >= options.Value.MaxAttempts;
        var error = refused?.Message ?? failure.GetBaseException().Message;
        var next = time.GetUtcNow().UtcDateTime + options.Value.RetryDelay(claim.Attempts);
        try
        {
            // Only while the claim is still this process's: never turn a notice another process has sent back into pending.
            await db.Notifications
                .Where(n => n.Id == notice.Id && n.Status == NotificationStatus.Pending && n.Attempts == claim.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, give ? NotificationStatus.Dead : NotificationStatus.Pending)
                    .SetProperty(n => n.NextAttemptAtUtc, next)
                    .SetProperty(n => n.LastError, error.Length > 2000 ? error[..2000] : error), CancellationToken.None);
        }
        catch (Exception ex)
        {
            run.CountRetrying();
            logger.LogError(ex, "Notice {NotificationId} attempt {Attempts} failed ({Error}) and the failure could not be recorded; it is retried when its claim lapses", notice.Id, claim.Attempts, error);
            return;
        }

        if (give)
        {
            run.CountDead();
            logger.LogError("Notice {NotificationId} to {Recipient} is dead after {Attempts} attempts{Refused}: {Error}", notice.Id, notice.Recipient, claim.Attempts,
                refused?.Permanent == true ? ", refused for good by the mail server" : string.Empty, error);
        }
        else
        {
            run.CountRetrying();
            logger.LogWarning("Notice {NotificationId} attempt {Attempts} failed, retry at {Next:o}: {Error}", notice.Id, claim.Attempts, next, error);
        }
    }

    private sealed record Claim(Notification Notification, int Attempts, DateTime SendBeforeUtc);

    /// <summary>Counts of one run, shared by its workers.</summary>
    private sealed class Run
    {
        private int _sent;
        private int _retrying;
        private int _dead;
        private int _stopped;

        public bool Stopped => Volatile.Read(ref _stopped) == 1;

        public void Stop() => Interlocked.Exchange(ref _stopped, 1);

        public void CountSent() => Interlocked.Increment(ref _sent);

        public void CountRetrying() => Interlocked.Increment(ref _retrying);

        public void CountDead() => Interlocked.Increment(ref _dead);

        public DeliveryResult Result(int unrecorded) => new(Volatile.Read(ref _sent), Volatile.Read(ref _retrying), Volatile.Read(ref _dead), unrecorded);
    }
}
