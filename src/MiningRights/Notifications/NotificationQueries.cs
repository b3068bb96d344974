using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>The outbox as officers and administrators read it, limited to the instances they may see; and the notices a holder received.</summary>
public sealed class NotificationQueries(MiningRightsDbContext db, InstanceAccess access)
{
    /// <summary>A notice as the holder it went to reads it: what it said, under which rule, and whether it went out.</summary>
    public sealed record ReceivedNotice(Guid Id, Guid InstanceId, string Stage, string RuleId, string Recipient, string Subject, string Text, NotificationStatus Status, DateTime CreatedAtUtc, DateTime? SentAtUtc)
    {
        /// <summary>The language the notice was written in (the holder's, when it was sent): a page marks its text with it.</summary>
        public string Language { get; init; } = "zh-CN";
    }

    /// <summary>
    /// The notices sent to the holder's own contact addresses about its own subjects, newest first: never those the same
    /// events sent to officers, nor another holder's.
    /// </summary>
    public async Task<Page<ReceivedNotice>> ReceivedAsync(Actor user, PageRequest page, CancellationToken ct)
    {
        if (!user.IsHolder || user.HolderId is not { } holderId)
        {
            return new Page<ReceivedNotice>([], null);
        }

        var contacts = (await db.Holders.AsNoTracking().Where(h => h.Id == holderId).Select(h => h.ContactEmails).SingleOrDefaultAsync(ct) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var query = db.Notifications.AsNoTracking().Where(n => n.HolderId == holderId && contacts.Contains(n.Recipient));
        return await NewestFirstAsync(query, page,
            n => new ReceivedNotice(n.Id, n.InstanceId, n.Stage, n.RuleId, n.Recipient, n.Subject, n.TextBody, n.Status, n.CreatedAtUtc, n.SentAtUtc) { Language = n.Language }, ct);
    }

    public async Task<Page<NotificationView>> ListAsync(Actor user, NotificationStatus? status, Guid? instanceId, PageRequest page, CancellationToken ct)
    {
        var instances = (await access.VisibleAsync(user, ct)).Select(i => i.Id);
        var query = db.Notifications.AsNoTracking().Where(n => instances.Contains(n.InstanceId));
        if (status is { } wanted)
        {
            query = query.Where(n => n.Status == wanted);
        }

        if (instanceId is { } id)
        {
            query = query.Where(n => n.InstanceId == id);
        }

        return await NewestFirstAsync(query, page,
            n => new NotificationView(n.Id, n.InstanceId, n.Stage, n.RuleId, n.Recipient, n.Language, n.Subject, n.Status, n.Attempts, n.NextAttemptAtUtc, n.LastError, n.CreatedAtUtc, n.SentAtUtc), ct);
    }

    /// <summary>One page of notices, newest first, by keyset (creation time, then id) so rows added meanwhile neither repeat nor skip one.</summary>
    private static async Task<Page<T>> NewestFirstAsync<T>(IQueryable<Notification> query, PageRequest page, Func<Notification, T> view, CancellationToken ct)
    {
        if (page.Keys(2) is [var created, var last])
        {
            var at = PageRequest.ReadInstant(created);
            var after = PageRequest.ReadGuid(last);
            query = query.Where(n => n.CreatedAtUtc < at || (n.CreatedAtUtc == at && n.Id.CompareTo(after) > 0));
        }

        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id).Take(page.Size + 1).ToListAsync(ct);
        return page.Build(rows, n => [n.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), n.Id.ToString()], view);
    }
}
