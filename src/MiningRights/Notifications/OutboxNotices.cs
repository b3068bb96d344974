using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>The runtime's notices, one per recipient of their audiences, queued in the outbox of the caller's unit of work.</summary>
public sealed class OutboxNotices(MiningRightsDbContext db, Recipients recipients) : INoticeOutbox
{
    public async Task QueueAsync(OutgoingNotice notice, CancellationToken ct)
    {
        foreach (var recipient in await recipients.ForAsync(notice.Audiences, notice.Subject, ct))
        {
            Outbox.Enqueue(db, notice.Key, notice.Template, notice.Facts, recipient, notice.Stage, notice.Instance, notice.DeadlineId, notice.NowUtc);
        }
    }

    public Task PrefetchHoldersAsync(IEnumerable<Guid> holderIds, CancellationToken ct) => recipients.PrefetchHoldersAsync(holderIds, ct);
}
