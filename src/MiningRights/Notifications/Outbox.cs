using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>Queues notices in the outbox of the current unit of work; they commit with the change that caused them.</summary>
public static class Outbox
{
    public static void Enqueue(
        MiningRightsDbContext db,
        string key,
        NoticeDefinition template,
        NoticeFacts facts,
        Recipient recipient,
        string stage,
        MiningRight right,
        Guid? deadlineId,
        DateTime nowUtc)
    {
        var notice = NoticeComposer.Compose(template, facts, recipient.Language);
        db.Notifications.Add(new Notification
        {
            Key = $"{key}:{recipient.Email.ToLowerInvariant()}",
            RightId = right.Id,
            HolderId = right.HolderId,
            DeadlineId = deadlineId,
            Stage = stage,
            RuleId = facts.RuleId,
            Recipient = recipient.Email,
            Language = recipient.Language,
            Subject = notice.Subject,
            TextBody = notice.Text,
            HtmlBody = notice.Html,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        });
    }

    public static IEnumerable<Recipient> HolderContacts(Holder holder) =>
        holder.Contacts.Select(email => new Recipient(email, holder.Language));

    /// <summary>Inspectors whose jurisdiction contains the right's location county.</summary>
    public static async Task<IReadOnlyList<Recipient>> InspectorsForAsync(MiningRightsDbContext db, MiningRight right, CancellationToken ct)
    {
        var tree = await JurisdictionTree.LoadAsync(db, ct);
        var inspectorRole = await db.Roles.Where(r => r.Name == Roles.Inspector).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var inspectors = await db.Users
            .Where(u => u.Email != null && u.JurisdictionCode != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == inspectorRole))
            .Select(u => new { u.Email, u.JurisdictionCode, u.Language })
            .ToListAsync(ct);
        return inspectors
            .Where(u => tree.Contains(u.JurisdictionCode!, right.LocationCountyCode))
            .Select(u => new Recipient(u.Email!, u.Language))
            .ToList();
    }

    /// <summary>The facts of a notice about a right in a workflow state, optionally with a deadline's due date.</summary>
    public static NoticeFacts Facts(
        MiningRight right,
        Holder holder,
        StateDefinition state,
        Deadlines.Deadline? deadline,
        string ruleId,
        Deadlines.ProvinceCalendar calendar,
        DateTime nowUtc) =>
        new(
            right.LicenseNumber,
            right.ProjectName,
            $"{holder.NameZh} ({holder.NameEn})",
            deadline?.WhatZh,
            deadline?.WhatEn,
            deadline?.DueOn,
            deadline is null ? null : calendar.DaysLeft(deadline.DueOn, new DateTimeOffset(nowUtc)),
            ruleId,
            state.Status.Zh,
            state.Status.En);
}
