using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Rights;

namespace MiningRights.Cases;

/// <summary>The inspectors' queue, most serious first, then oldest; and one case with the right's history.</summary>
public sealed class CaseQueries(MiningRightsDbContext db, RightAccess access, RightQueries rights)
{
    public async Task<Page<CaseView>> ListAsync(CurrentUser user, CaseStatus? status, PageRequest page, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(user, ct);
        var query = db.Cases.AsNoTracking().Join(visible, c => c.RightId, r => r.Id, (c, r) => new { Case = c, r.LicenseNumber });
        if (status is { } wanted)
        {
            query = query.Where(x => x.Case.Status == wanted);
        }

        if (page.Keys(3) is [var severity, var opened, var id])
        {
            var s = int.Parse(severity, CultureInfo.InvariantCulture);
            var at = new DateTime(long.Parse(opened, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var after = PageRequest.ReadGuid(id);
            query = query.Where(x => x.Case.Severity < s
                || (x.Case.Severity == s && (x.Case.OpenedAtUtc > at || (x.Case.OpenedAtUtc == at && x.Case.Id.CompareTo(after) > 0))));
        }

        var rows = await query.OrderByDescending(x => x.Case.Severity).ThenBy(x => x.Case.OpenedAtUtc).ThenBy(x => x.Case.Id)
            .Take(page.Size + 1).ToListAsync(ct);
        var states = await StatesAsync(rows.Select(r => r.Case.Id).ToList(), ct);
        return page.Build(rows,
            x => [x.Case.Severity.ToString(CultureInfo.InvariantCulture), x.Case.OpenedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), x.Case.Id.ToString()],
            x => View(x.Case, x.LicenseNumber, states.GetValueOrDefault(x.Case.Id)));
    }

    public async Task<CaseDetail> GetAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(user, ct);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == id).Join(visible, c => c.RightId, r => r.Id, (c, r) => new { Case = c, r.LicenseNumber })
            .SingleOrDefaultAsync(ct) ?? throw RefusalException.NotFound($"Case {id}");
        var states = await StatesAsync([id], ct);
        return new CaseDetail(View(found.Case, found.LicenseNumber, states.GetValueOrDefault(id)), await rights.HistoryAsync(user, found.Case.RightId, ct));
    }

    private async Task<Dictionary<Guid, (Guid Id, string State)>> StatesAsync(List<Guid> caseIds, CancellationToken ct) =>
        (await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == CaseSubjectKind.Kind && caseIds.Contains(i.SubjectId))
            .Select(i => new { i.SubjectId, i.Id, i.State }).ToListAsync(ct))
        .ToDictionary(i => i.SubjectId, i => (i.Id, i.State));

    private static CaseView View(Case c, string licenseNumber, (Guid Id, string State) instance) =>
        new(c.Id, c.RightId, licenseNumber, c.InstanceId, instance.Id == Guid.Empty ? null : instance.Id, instance.State,
            c.JurisdictionCode, c.AuthorityCode, c.RuleId, c.TitleZh, c.TitleEn, c.Severity, c.DueOn, c.Status, c.Disposition, c.DamagesYuan,
            c.OpenedAtUtc, c.ClosedAtUtc);
}
