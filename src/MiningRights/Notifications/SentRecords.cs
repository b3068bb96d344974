using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>
/// "Sent" written for notices the mail server has accepted, apart from the send: a notice whose record cannot be written
/// yet is held here, never offered again, and written before anything else is sent.
/// </summary>
internal sealed class SentRecords(IOptions<OutboxOptions> options, ILogger logger)
{
    // Accepted by the mail server, "sent" not yet written: notification id and when it was accepted.
    private readonly ConcurrentDictionary<Guid, DateTime> _unrecorded = new();

    public bool IsEmpty => _unrecorded.IsEmpty;

    public int Count => _unrecorded.Count;

    public bool Holds(Guid id) => _unrecorded.ContainsKey(id);

    public void Hold(Guid id, DateTime sentAtUtc) => _unrecorded[id] = sentAtUtc;

    /// <summary>Writes "sent" for every notice still held in memory; false when one still cannot be written.</summary>
    public async Task<bool> RecordHeldAsync(MiningRightsDbContext db)
    {
        if (_unrecorded.IsEmpty)
        {
            return true;
        }

        foreach (var (id, sentAtUtc) in _unrecorded.ToArray())
        {
            if (!await TryRecordAsync(db, id, sentAtUtc))
            {
                logger.LogError("Delivery paused: notice {NotificationId} was accepted by the mail server at {SentAt:o} and 'sent' still cannot be written", id, sentAtUtc);
                return false;
            }

            _unrecorded.TryRemove(id, out _);
            logger.LogInformation("Notice {NotificationId}, accepted by the mail server at {SentAt:o}, is now recorded as sent", id, sentAtUtc);
        }

        return true;
    }

    /// <summary>Records one notice the server has accepted (see <see cref="TryRecordAsync(MiningRightsDbContext, IReadOnlyList{ValueTuple{Guid, DateTime}})"/>).</summary>
    public Task<bool> TryRecordAsync(MiningRightsDbContext db, Guid id, DateTime sentAtUtc) => TryRecordAsync(db, [(id, sentAtUtc)]);

    /// <summary>
    /// Records notices the server has accepted, in one statement: each is stamped with the latest moment of acceptance
    /// among them (when every one of them had been accepted: at most one commit's time, milliseconds, after its own);
    /// a few quick attempts, because the messages are out and only the record is missing. Not cancellable: a shutdown
    /// must not leave an accepted notice unrecorded.
    /// </summary>
    public async Task<bool> TryRecordAsync(MiningRightsDbContext db, IReadOnlyList<(Guid Id, DateTime SentAtUtc)> accepted)
    {
        var attempts = Math.Max(1, options.Value.SentRecordAttempts);
        var wait = TimeSpan.FromMilliseconds(options.Value.SentRecordRetryMilliseconds);
        var ids = accepted.Select(a => (object)a.Id).ToList();
        var sentAtUtc = accepted.Max(a => a.SentAtUtc);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A statement of the bulk writer rather than a LINQ ExecuteUpdate, whose query pipeline cost more CPU than
                // the send it records.
                await RowWriter.SetAsync<Notification>(db, ids,
                    [(nameof(Notification.Status), NotificationStatus.Sent), (nameof(Notification.SentAtUtc), sentAtUtc), (nameof(Notification.LastError), null)],
                    CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (attempt < attempts)
            {
                logger.LogWarning(ex, "{Count} notices were accepted by the mail server, but writing 'sent' failed (attempt {Attempt} of {Attempts}): {NotificationIds}",
                    accepted.Count, attempt, attempts, string.Join(", ", accepted.Select(a => a.Id)));
                await Task.Delay(wait);
                wait *= 2;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Count} notices were accepted by the mail server, but 'sent' could not be written after {Attempts} attempts; they are kept in memory and written before anything else is sent: {NotificationIds}",
                    accepted.Count, attempts, string.Join(", ", accepted.Select(a => a.Id)));
                return false;
            }
        }
    }
}
