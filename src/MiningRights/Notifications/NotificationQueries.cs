using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>The outbox as officers and administrators read it, limited to the instances they may see.</summary>
public sealed class NotificationQueries(MiningRightsDbContext db, InstanceAccess access)
{
    public async Task<Page<NotificationView>> ListAsync(CurrentUser user, NotificationStatus? status, Guid? instanceId, PageRequest page, CancellationToken ct)
    {
        var instances = (await access.VisibleAsync(user.Actor, ct)).Select(i => i.Id);
        var query = db.Notifications.AsNoTracking().Where(n => instances.Contains(n.InstanceId));
        if (status is { } wanted)
        {
            query = query.Where(n => n.Status == wanted);
        }

        if (instanceId is { } id)
        {
            query = query.Where(n => n.InstanceId == id);
        }

        if (page.Keys(2) is [var created, var last])
        {
            var at = PageRequest.ReadInstant(created);
            var after = PageRequest.ReadGuid(last);
            query = query.Where(n => n.CreatedAtUtc < at || (n.CreatedAtUtc == at && n.Id.CompareTo(after) > 0));
        }

        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id).Take(page.Size + 1).ToListAsync(ct);
        return page.Build(rows, n => [n.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), n.Id.ToString()],
            n => new NotificationView(n.Id, n.InstanceId, n.Stage, n.RuleId, n.Recipient, n.Language, n.Subject, n.Status, n.Attempts, n.NextAttemptAtUtc, n.LastError, n.CreatedAtUtc, n.SentAtUtc));
    }
}
