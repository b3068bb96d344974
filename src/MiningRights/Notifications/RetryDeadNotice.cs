using Microsoft.EntityFrameworkCore;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Accounts;

namespace MiningRights.Notifications;

/// <summary>
/// An administrator puts a dead notice back in the outbox (after fixing the address or the mail server): it goes out at
/// the next delivery with its tries counted afresh; its text is not changed. Only a dead notice may be retried, so a
/// notice is never queued twice.
/// </summary>
public sealed class RetryDeadNotice(MiningRightsDbContext db, TimeProvider time)
{
    public async Task<Notification> HandleAsync(Guid id, Actor by, CancellationToken ct)
    {
        var notice = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw RefusalException.NotFound($"Notice {id}", $"通知 {id}");
        if (notice.Status != NotificationStatus.Dead)
        {
            throw RefusalException.Conflict($"Notice {id} is {notice.Status.ToString().ToLowerInvariant()}, not dead: only a dead notice is retried.",
                $"通知 {id} {(notice.Status == NotificationStatus.Sent ? "已发送" : "正在等待发送")}，并非投递失败状态：只有投递失败的通知可以重试。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        notice.Status = NotificationStatus.Pending;
        notice.Attempts = 0;
        notice.NextAttemptAtUtc = now;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = by.Name,
            Action = "notice.retried",
            Detail = Text.Cut($"Dead notice {notice.Id} ({notice.Stage}, {notice.RuleId}) to {notice.Recipient} put back in the outbox; last error: {notice.LastError}. 已重新投递。", 3999),
        });
        await db.SaveChangesAsync(ct);
        return notice;
    }
}
