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
/// with its own short retries, shared with the notices accepted meanwhile on the other connections (one commit for
/// them all, <see cref="SentRecorder"/>), and the worker sends nothing more until it is written; a database error
/// there is not a failed send and never makes this process send the notice again. If the write still fails, the
/// notice is kept in memory and written before this process sends anything else. (Should the process stop first, the
/// notice goes out again when its claim lapses, with the same Message-ID, so the receiving side can recognise the
/// repeat.)
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
    private readonly SentRecords _sent = new(options, logger);

    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken ct)
    {
        var parallelism = options.Value.DeliveryParallelism;
        if (parallelism < 1)
        {
            throw new InvalidOperationException($"Outbox:DeliveryParallelism must be at least 1, not {parallelism}.");
        }

        var run = new DeliveryRun();
        if (!_sent.IsEmpty)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await _sent.RecordHeldAsync(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>()))
            {
                return run.Result(_sent.Count);
            }
        }

        var queue = Channel.CreateBounded<ClaimedNotice>(new BoundedChannelOptions(parallelism) { SingleWriter = true });
        await using var recorder = new SentRecorder(scopes, _sent);

        // A worker that fails outright stops the claiming too, so that it never waits for a worker that is gone.
        using var workerFailed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var workers = Enumerable.Range(0, parallelism)
            .Select(_ => Task.Run(
                async () =>
                {
                    try
                    {
                        await SendClaimedAsync(queue.Reader, recorder, run, ct);
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

        var result = run.Result(_sent.Count);
        if (result.Sent + result.Retrying + result.Dead > 0)
        {
            logger.LogInformation("Outbox delivery: {Sent} sent, {Retrying} to retry, {Dead} dead, {Unrecorded} sent but not yet recorded",
                result.Sent, result.Retrying, result.Dead, result.Unrecorded);
        }

        return result;
    }

    private async Task ClaimDueAsync(ChannelWriter<ClaimedNotice> queue, DeliveryRun run, CancellationToken ct)
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

            var claimed = await DueNoticeClaim.ClaimAsync(db, database, time, options, options.Value.DeliveryParallelism, ct);
            if (claimed.Count == 0)
            {
                return;
            }

            foreach (var claim in claimed)
            {
                // Accepted by the mail server but not yet recorded: never offered again; it is recorded before anything is sent.
                if (!_sent.Holds(claim.Notification.Id))
                {
                    await queue.WriteAsync(claim, ct);
                }
            }
        }
    }

    /// <summary>One worker: one mail session, one database context, one claimed notice after another.</summary>
    private async Task SendClaimedAsync(ChannelReader<ClaimedNotice> queue, SentRecorder recorder, DeliveryRun run, CancellationToken ct)
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

                if (!await _sent.RecordHeldAsync(db))
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
                    await SendFailures.RecordAsync(db, claim, ex, run, time, options, logger);
                    continue;
                }

                run.CountSent();
                var sentAtUtc = time.GetUtcNow().UtcDateTime;
                if (!await recorder.RecordAsync(notice.Id, sentAtUtc))
                {
                    _sent.Hold(notice.Id, sentAtUtc);
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
}
