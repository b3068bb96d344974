using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Policies;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Deadlines;

/// <summary>The deadlines a user may see: soonest first, and for administrators the parked ones.</summary>
public sealed class DeadlineQueries(MiningRightsDbContext db, InstanceAccess access, Policies.PolicyBook policies, TimeProvider time)
{
    /// <summary>Open deadlines of the subjects the user sees, soonest first; holders' duties only, not the authority's timers.</summary>
    public async Task<Page<DeadlineView>> ListAsync(Actor user, int? withinDays, PageRequest page, CancellationToken ct)
    {
        var instances = await access.VisibleAsync(user, ct);
        var query = db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && !d.Escalation)
            .Join(instances, d => d.InstanceId, i => i.Id, (d, i) => new { Deadline = d, Instance = i });
        if (withinDays is { } days)
        {
            if (days is < 0 or > 3660)
            {
                throw RefusalException.Invalid("withinDays", "withinDays must be between 0 and 3660.", "withinDays 必须在 0 至 3660 之间。");
            }

            var until = ProvinceCalendar.China.DateAt(time.GetUtcNow()).AddDays(days);
            query = query.Where(x => x.Deadline.DueOn <= until);
        }

        if (page.Keys(2) is [var due, var id])
        {
            var afterDue = DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var afterId = PageRequest.ReadGuid(id);
            query = query.Where(x => x.Deadline.DueOn > afterDue || (x.Deadline.DueOn == afterDue && x.Deadline.Id.CompareTo(afterId) > 0));
        }

        var rows = await query.OrderBy(x => x.Deadline.DueOn).ThenBy(x => x.Deadline.Id).Take(page.Size + 1).ToListAsync(ct);
        return page.Build(rows, x => [x.Deadline.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), x.Deadline.Id.ToString()], x => View(x.Deadline, x.Instance));
    }

    /// <summary>Open deadlines the user sees due from <paramref name="from"/> to <paramref name="to"/> (at most 62 days), for a month's calendar.</summary>
    public async Task<IReadOnlyList<DeadlineView>> DueBetweenAsync(Actor user, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 62)
        {
            throw RefusalException.Invalid("to", "A calendar covers at most 62 days, from its first day to its last.", "日历自首日至末日最多涵盖 62 天。");
        }

        var instances = await access.VisibleAsync(user, ct);
        return (await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && !d.Escalation && d.DueOn >= from && d.DueOn <= to)
            .Join(instances, d => d.InstanceId, i => i.Id, (d, i) => new { Deadline = d, Instance = i })
            .OrderBy(x => x.Deadline.DueOn).ThenBy(x => x.Deadline.Id).Take(PageRequest.MaxSize).ToListAsync(ct))
            .Select(x => View(x.Deadline, x.Instance)).ToList();
    }

    /// <summary>One deadline; not found alike whether it does not exist or the user may not see it.</summary>
    public async Task<DeadlineView> GetAsync(Actor user, Guid id, CancellationToken ct)
    {
        var instances = await access.VisibleAsync(user, ct);
        var row = await db.Deadlines.AsNoTracking().Where(d => d.Id == id)
            .Join(instances, d => d.InstanceId, i => i.Id, (d, i) => new { Deadline = d, Instance = i })
            .SingleOrDefaultAsync(ct) ?? throw RefusalException.NotFound($"Deadline {id}", $"期限 {id}");
        return View(row.Deadline, row.Instance);
    }

    /// <summary>Deadlines the sweep gave up on after repeated errors, for an administrator to look at and retry.</summary>
    public async Task<IReadOnlyList<DeadlineView>> ParkedAsync(CancellationToken ct) =>
        (await db.Deadlines.AsNoTracking().Where(d => d.ParkedAtUtc != null)
            .Join(db.WorkflowInstances, d => d.InstanceId, i => i.Id, (d, i) => new { Deadline = d, Instance = i })
            .OrderBy(x => x.Deadline.ParkedAtUtc).Take(PageRequest.MaxSize).ToListAsync(ct))
        .Select(x => View(x.Deadline, x.Instance)).ToList();

    public DeadlineView View(Deadline d, WorkflowInstance i)
    {
        var rule = policies.Knows(d.RuleId) ? policies.Describe(d.RuleId, d.DueOn) : null;
        return new DeadlineView(d.Id, d.InstanceId, i.SubjectKind, i.SubjectId, i.SubjectLabel, i.DossierId, d.Name, d.WhatZh, d.WhatEn, d.DueOn,
            ProvinceCalendar.China.DaysLeft(d.DueOn, time.GetUtcNow()), d.RuleId, rule?.SourceZh ?? d.RuleId, rule?.SourceEn ?? d.RuleId, d.State,
            d.Reminders, d.Done, d.NextStage, d.NextActionAtUtc, d.Attempts, d.LastError, d.ParkedAtUtc);
    }
}
