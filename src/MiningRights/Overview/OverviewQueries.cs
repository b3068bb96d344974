using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Renewals;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Overview;

/// <summary>
/// The officer's overview (<see cref="OfficerOverview"/>). Each figure is one grouped query, grouped also by the place and
/// the registration authority of what it counts, and only the groups come back (a few hundred rows for a province of
/// 100,000 rights); the officer's scope is then applied to the groups: the visibility rule of rights, instances and
/// cases (<see cref="JurisdictionDirectory.VisibleAsync"/>: located or registered in the officer's subtree), narrowed to
/// the chosen place by location. Filtering the rows instead had SQLite fetch every row through two indexes at once,
/// seconds at 100,000 rights; grouped, the rights are counted from one index without reading the table (the benchmark,
/// <c>--scenario overview</c>, measures it).
/// </summary>
public sealed class OverviewQueries(MiningRightsDbContext db, JurisdictionDirectory jurisdictions, TimeProvider time)
{
    /// <summary>Rights counted as in force: they expire, and their renewal is still to come.</summary>
    private static readonly RightStatus[] InForce = [RightStatus.Active, RightStatus.Provisional, RightStatus.Suspended];

    /// <summary>
    /// The overview of <paramref name="placeCode"/> (the officer's whole jurisdiction when null). A place outside the
    /// jurisdiction is answered as not found, alike whether it exists or not; a holder or an administrator, who have no
    /// jurisdiction of their own to look over, are refused.
    /// </summary>
    public async Task<OfficerOverview> ForAsync(Actor user, string? placeCode, CancellationToken ct)
    {
        if (!user.IsOfficer || user.JurisdictionCode is not { } root)
        {
            throw RefusalException.Forbidden("The overview is for officers of a jurisdiction.", "概览仅供有辖区的工作人员查看。");
        }

        var tree = await jurisdictions.TreeAsync(db, ct);
        var here = tree.Find(placeCode ?? root);
        if (here is null || !tree.Contains(root, here.Code))
        {
            throw RefusalException.NotFound($"Place {placeCode}", $"地区 {placeCode}");
        }

        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var scope = new Scope(tree.Subtree(root).ToHashSet(StringComparer.Ordinal), here.Code == root ? null : tree.Subtree(here.Code).ToHashSet(StringComparer.Ordinal));

        var rights = (await db.Rights.AsNoTracking()
                .GroupBy(r => new { r.LocationCountyCode, r.AuthorityCode, r.Status, r.Kind })
                .Select(g => new { g.Key.LocationCountyCode, g.Key.AuthorityCode, g.Key.Status, g.Key.Kind, Count = g.Count() })
                .ToListAsync(ct))
            .Where(x => scope.Counts(x.LocationCountyCode, x.AuthorityCode))
            .ToList();

        var rightsByPlace = tree.Children(here.Code)
            .Select(child => new OfficerOverview.PlaceCount(Named(child), rights.Where(x => tree.Contains(child.Code, x.LocationCountyCode)).Sum(x => x.Count)))
            .ToList();

        return new OfficerOverview(
            today,
            Named(here),
            Trail(tree, root, here),
            rightsByPlace,
            rights.GroupBy(x => new { x.Status, x.Kind })
                .Select(g => new OfficerOverview.RightCount(g.Key.Status, g.Key.Kind, g.Sum(x => x.Count)))
                .OrderBy(x => x.Status).ThenBy(x => x.Kind).ToList(),
            await DueSoonAsync(scope, today, ct),
            await OverdueAsync(scope, tree, today, ct),
            await CasesByStageAsync(scope, ct),
            await ExpiriesAsync(scope, today, ct),
            await RenewalsNotAppliedForAsync(scope, tree, today, ct));
    }

    /// <summary>Open duties of the holders (not the authority's own timers) due from today, by what is due.</summary>
    private async Task<IReadOnlyList<OfficerOverview.DutyDue>> DueSoonAsync(Scope scope, DateOnly today, CancellationToken ct)
    {
        var near = today.AddDays(OfficerOverview.NearDays);
        var far = today.AddDays(OfficerOverview.FarDays);
        var rows = await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && d.DueOn >= today && d.DueOn <= far && !d.Escalation && d.ProcessFinishedAtUtc == null)
            .GroupBy(x => new { x.JurisdictionCode, x.AuthorityCode, x.WhatZh, x.WhatEn, Near = x.DueOn <= near })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.AuthorityCode, g.Key.WhatZh, g.Key.WhatEn, g.Key.Near, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Where(x => scope.Counts(x.JurisdictionCode, x.AuthorityCode))
            .GroupBy(x => (x.WhatZh, x.WhatEn))
            .Select(g => new OfficerOverview.DutyDue(g.Key.WhatZh, g.Key.WhatEn, g.Where(x => x.Near).Sum(x => x.Count), g.Sum(x => x.Count)))
            .OrderByDescending(x => x.WithinFar).ThenBy(x => x.WhatZh, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Duties of holders whose day has passed without being met (still open, or expired), by county. A duty counts only
    /// while its process runs and no case about it has been closed: a finished process or a closed case is settled.
    /// Place, authority and the end of the process are read from the duty itself (copied there from its instance, see
    /// <see cref="Deadline.JurisdictionCode"/>), so the duties are counted from one index without a join.
    /// </summary>
    private async Task<IReadOnlyList<OfficerOverview.PlaceCount>> OverdueAsync(Scope scope, JurisdictionTree tree, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Deadlines.AsNoTracking()
            .Where(d => (d.State == DeadlineState.Open || d.State == DeadlineState.Expired) && d.DueOn < today && !d.Escalation && d.ProcessFinishedAtUtc == null)
            .Where(d => !db.Set<Case>().Any(c => c.InstanceId == d.InstanceId && c.Status == CaseStatus.Closed))
            .GroupBy(d => new { d.JurisdictionCode, d.AuthorityCode })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.AuthorityCode, Count = g.Count() })
            .ToListAsync(ct);
        return Places(tree, rows.Where(x => scope.Counts(x.JurisdictionCode, x.AuthorityCode)).Select(x => (x.JurisdictionCode ?? string.Empty, x.Count)));
    }

    private async Task<IReadOnlyList<OfficerOverview.StageCount>> CasesByStageAsync(Scope scope, CancellationToken ct) =>
        (await db.Cases.AsNoTracking()
            .GroupBy(c => new { c.JurisdictionCode, c.AuthorityCode, c.Status })
            .Select(g => new { g.Key.JurisdictionCode, g.Key.AuthorityCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct))
        .Where(x => scope.Counts(x.JurisdictionCode, x.AuthorityCode))
        .GroupBy(x => x.Status)
        .Select(g => new OfficerOverview.StageCount(g.Key, g.Sum(x => x.Count)))
        .OrderBy(x => StageOrder(x.Stage)).ToList();

    /// <summary>Rights in force by the month they expire, this month and the next <see cref="OfficerOverview.ExpiryMonths"/> - 1, empty months included.</summary>
    private async Task<IReadOnlyList<OfficerOverview.MonthCount>> ExpiriesAsync(Scope scope, DateOnly today, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var end = first.AddMonths(OfficerOverview.ExpiryMonths);
        var rows = (await db.Rights.AsNoTracking()
                .Where(r => InForce.Contains(r.Status) && r.ExpiresOn >= first && r.ExpiresOn < end)
                .GroupBy(r => new { r.LocationCountyCode, r.AuthorityCode, r.ExpiresOn.Year, r.ExpiresOn.Month })
                .Select(g => new { g.Key.LocationCountyCode, g.Key.AuthorityCode, g.Key.Year, g.Key.Month, Count = g.Count() })
                .ToListAsync(ct))
            .Where(x => scope.Counts(x.LocationCountyCode, x.AuthorityCode))
            .ToList();
        return Enumerable.Range(0, OfficerOverview.ExpiryMonths)
            .Select(first.AddMonths)
            .Select(m => new OfficerOverview.MonthCount(m.Year, m.Month, rows.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Count)))
            .ToList();
    }

    /// <summary>
    /// Rights in force expiring within <see cref="OfficerOverview.RenewalWindowDays"/> days whose renewal has not been
    /// applied for (their renewal process, if any, has not reached an application), by county.
    /// </summary>
    private async Task<IReadOnlyList<OfficerOverview.PlaceCount>> RenewalsNotAppliedForAsync(Scope scope, JurisdictionTree tree, DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(OfficerOverview.RenewalWindowDays);
        var appliedFor = RenewalTracking.AppliedForStates.ToArray();
        var rows = await db.Rights.AsNoTracking()
            .Where(r => InForce.Contains(r.Status) && r.ExpiresOn >= today && r.ExpiresOn <= until)
            .Where(r => !db.Set<WorkflowInstance>().Any(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == r.Id
                && i.DefinitionId == RenewalTracking.Workflow && !i.Finished && appliedFor.Contains(i.State)))
            .GroupBy(r => new { r.LocationCountyCode, r.AuthorityCode })
            .Select(g => new { g.Key.LocationCountyCode, g.Key.AuthorityCode, Count = g.Count() })
            .ToListAsync(ct);
        return Places(tree, rows.Where(x => scope.Counts(x.LocationCountyCode, x.AuthorityCode)).Select(x => (x.LocationCountyCode, x.Count)));
    }

    /// <summary>
    /// What the officer counts: what lies or is registered in its jurisdiction (<paramref name="Seen"/>, its subtree),
    /// and, when it has chosen a place below it, what lies there (<paramref name="Place"/>, that place's subtree).
    /// </summary>
    private sealed record Scope(HashSet<string> Seen, HashSet<string>? Place)
    {
        public bool Counts(string? county, string? authority) =>
            ((county is not null && Seen.Contains(county)) || (authority is not null && Seen.Contains(authority))) && (Place is null || (county is not null && Place.Contains(county)));
    }

    private static List<OfficerOverview.PlaceCount> Places(JurisdictionTree tree, IEnumerable<(string Code, int Count)> rows) =>
        rows.Select(x => new OfficerOverview.PlaceCount(tree.Find(x.Code) is { } node ? Named(node) : Unknown(x.Code), x.Count))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Place.Code, StringComparer.Ordinal).ToList();

    /// <summary>From the officer's own jurisdiction down to <paramref name="here"/>, both included.</summary>
    private static List<OfficerOverview.Place> Trail(JurisdictionTree tree, string root, Jurisdiction here)
    {
        var trail = new List<OfficerOverview.Place>();
        for (var node = here; node is not null; node = node.Code == root ? null : tree.Find(node.ParentCode))
        {
            trail.Insert(0, Named(node));
        }

        return trail;
    }

    private static OfficerOverview.Place Named(Jurisdiction node) => new(node.Code, node.Level, node.NameZh, node.NameEn);

    /// <summary>A code the tree does not know (never expected: rows are checked against it when written) is shown as such rather than dropped.</summary>
    private static OfficerOverview.Place Unknown(string code) => new(code, JurisdictionLevel.County, $"未知地区 {code}", $"Unknown place {code}");

    /// <summary>Cases in the order they are worked: opened, findings, rectification, decision, closed.</summary>
    private static int StageOrder(CaseStatus stage) => stage switch
    {
        CaseStatus.Open => 0,
        CaseStatus.FindingsRecorded => 1,
        CaseStatus.Rectifying => 2,
        CaseStatus.AwaitingDecision => 3,
        _ => 4,
    };
}
