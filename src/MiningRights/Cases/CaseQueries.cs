using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Cases;

/// <summary>
/// The inspectors' queue and one case with the right's history, both within the caller's jurisdiction subtree.
/// </summary>
/// <remarks>
/// <para>
/// Risk order, most urgent first: severity, high to low; then days overdue, most first (due date ascending; cases
/// without a due date after all that have one, oldest opened first); then how many other open cases the same holder
/// has, most first; then the case id, so that no two cases tie.
/// </para>
/// <para>
/// Days overdue are counted from the due date (a case without one: from the day it was opened, in Asia/Shanghai) to
/// today in Asia/Shanghai. The holder's other open cases are those the caller may see, opened and not closed.
/// </para>
/// <para>
/// Paging is keyset paging over that order, computed in the query on both providers (the holder's open cases by one
/// grouped count joined to the page's rows). Because that count changes as cases open and close, the first page fixes
/// the moment the queue is read at and the cursor carries it: every later page counts open cases, and takes cases, as
/// they stood then (opened by that moment, not closed by it, which <see cref="Case.OpenedAtUtc"/> and
/// <see cref="Case.ClosedAtUtc"/> record). The order keys of a case therefore never change between pages, and paging
/// shows each case that existed at the first page exactly once; cases opened later appear in a fresh read.
/// </para>
/// </remarks>
public sealed class CaseQueries(MiningRightsDbContext db, RightQueries rights, JurisdictionDirectory jurisdictions, Access access, TimeProvider time, Workflows.InstanceQueries instances)
{
    // Cases without a due date sort after every dated one, and among themselves by the time they were opened.
    private static readonly DateOnly Undated = DateOnly.MaxValue;
    private static readonly DateTime Dated = DateTime.UnixEpoch;

    public async Task<Page<CaseView>> ListAsync(Actor user, CaseFilter filter, PageRequest page, CancellationToken ct)
    {
        var keys = page.Keys(6);
        var asOf = keys is null ? time.GetUtcNow().UtcDateTime : Instant(keys[0]);
        var query = await QueueAsync(user, filter, asOf, ct);
        if (keys is [_, var severityKey, var dueKey, var openedKey, var holderKey, var idKey])
        {
            var s = Whole(severityKey);
            var due = DateOnly.TryParseExact(dueKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw NotOurs();
            var opened = Instant(openedKey);
            var h = Whole(holderKey);
            var id = PageRequest.ReadGuid(idKey);
            query = query.Where(x => x.Case.Severity < s
                || (x.Case.Severity == s && (x.DueKey > due
                || (x.DueKey == due && (x.OpenedKey > opened
                || (x.OpenedKey == opened && (x.HolderOpen < h
                || (x.HolderOpen == h && x.Case.Id.CompareTo(id) > 0))))))));
        }

        var rows = await Ordered(query).Take(page.Size + 1).ToListAsync(ct);
        var ids = rows.Select(r => r.Case.Id).ToList();
        var states = await StatesAsync(ids, ct);
        var names = await NamesAsync(ids, ct);
        var today = ProvinceCalendar.China.DateAt(new DateTimeOffset(asOf));
        var at = asOf.Ticks.ToString(CultureInfo.InvariantCulture);
        return page.Build(rows,
            x => [at, x.Case.Severity.ToString(CultureInfo.InvariantCulture), x.DueKey.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                x.OpenedKey.Ticks.ToString(CultureInfo.InvariantCulture), x.HolderOpen.ToString(CultureInfo.InvariantCulture), x.Case.Id.ToString()],
            x => View(x, names[x.Case.Id], states.GetValueOrDefault(x.Case.Id), today));
    }

    /// <summary>
    /// The whole filtered queue in risk order, as it stands now, as a CSV file (<see cref="CaseExport"/>) and its file
    /// name. More than <see cref="CaseExport.MaxRows"/> cases is refused with 422, so that a partial list is never taken
    /// for the whole.
    /// </summary>
    public async Task<(byte[] Content, string FileName)> ExportAsync(Actor user, CaseFilter filter, CancellationToken ct)
    {
        var asOf = time.GetUtcNow().UtcDateTime;
        var rows = await Ordered(await QueueAsync(user, filter, asOf, ct)).Take(CaseExport.MaxRows + 1).ToListAsync(ct);
        if (rows.Count > CaseExport.MaxRows)
        {
            throw new RefusalException(422, "Too many cases",
                $"More than {CaseExport.MaxRows} cases match; narrow the filters (county, ruleId, severity, status, holderId, minDaysOverdue) and export again.",
                detailZh: $"符合条件的案件超过 {CaseExport.MaxRows} 件；请缩小筛选范围（county、ruleId、severity、status、holderId、minDaysOverdue）后重新导出。");
        }

        var ids = rows.Select(r => r.Case.Id).ToList();
        var states = await StatesAsync(ids, ct);
        var names = await NamesAsync(ids, ct);
        var today = ProvinceCalendar.China.DateAt(new DateTimeOffset(asOf));
        var cases = rows.Select(x => View(x, names[x.Case.Id], states.GetValueOrDefault(x.Case.Id), today)).ToList();
        return (await CaseExport.WriteAsync(cases, await jurisdictions.TreeAsync(db, ct), ct), CaseExport.FileName(today));
    }

    public async Task<CaseDetail> GetAsync(Actor user, Guid id, CancellationToken ct)
    {
        var asOf = time.GetUtcNow().UtcDateTime;
        var found = await (await QueueAsync(user, CaseFilter.None, asOf, ct)).Where(x => x.Case.Id == id).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound($"Case {id}", $"案件 {id}");
        var states = await StatesAsync([id], ct);
        var names = await NamesAsync([id], ct);
        var view = View(found, names[id], states.GetValueOrDefault(id), ProvinceCalendar.China.DateAt(new DateTimeOffset(asOf)));
        return new CaseDetail(view,
            await instances.GetAsync(user, found.Case.InstanceId, ct),
            view.CaseInstanceId is { } process ? await instances.GetAsync(user, process, ct) : null,
            await rights.HistoryAsync(user, found.Case.RightId, ct));
    }

    /// <summary>The visible cases that match, as they stood at <paramref name="asOf"/>, with their order keys.</summary>
    private async Task<IQueryable<QueueRow>> QueueAsync(Actor user, CaseFilter filter, DateTime asOf, CancellationToken ct)
    {
        var existing = (await VisibleAsync(user, ct)).AsNoTracking().Where(c => c.OpenedAtUtc <= asOf);
        var openByHolder = existing.Where(c => c.ClosedAtUtc == null || c.ClosedAtUtc > asOf)
            .GroupBy(c => c.HolderId)
            .Select(g => new { HolderId = g.Key, Count = g.Count() });

        var cases = existing;
        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.RuleId is { } rule)
        {
            cases = cases.Where(c => c.RuleId == rule);
        }

        if (filter.Severity is { } severity)
        {
            cases = cases.Where(c => c.Severity == severity);
        }

        if (filter.HolderId is { } holder)
        {
            cases = cases.Where(c => c.HolderId == holder);
        }

        if (filter.County is { } county)
        {
            var tree = await jurisdictions.TreeAsync(db, ct);
            if (tree.Find(county) is null)
            {
                throw RefusalException.Invalid("county", "county is not a jurisdiction code this service knows (GET /api/jurisdictions lists them).",
                    "county 不是本系统已知的行政区划代码（可通过 GET /api/jurisdictions 查询）。");
            }

            var codes = tree.Subtree(county).ToList();
            cases = cases.Where(c => codes.Contains(c.JurisdictionCode));
        }

        if (filter.MinDaysOverdue is { } days)
        {
            // Due on or before this day, or (undated) opened before the day after it began.
            var latestDue = ProvinceCalendar.China.DateAt(new DateTimeOffset(asOf)).AddDays(-days);
            var openedBefore = ProvinceCalendar.China.StartOfDayUtc(latestDue.AddDays(1));
            // A closed case is overdue no more, whatever its due date was.
            cases = cases.Where(c => c.Status != CaseStatus.Closed && ((c.DueOn != null && c.DueOn <= latestDue) || (c.DueOn == null && c.OpenedAtUtc < openedBefore)));
        }

        // The licence number and the holder's names are read for the page only (NamesAsync): joined here, they were looked
        // up for every case in the queue before the order and the page size cut it down.
        return from c in cases
               join k in openByHolder on c.HolderId equals k.HolderId into counts
               from k in counts.DefaultIfEmpty()
               select new QueueRow
               {
                   Case = c,
                   DueKey = c.DueOn ?? Undated,
                   OpenedKey = c.DueOn == null ? c.OpenedAtUtc : Dated,
                   HolderOpen = ((int?)k.Count ?? 0) - (c.ClosedAtUtc == null || c.ClosedAtUtc > asOf ? 1 : 0),
               };
    }

    /// <summary>
    /// The cases of the rights the user may see (<see cref="RightAccess"/>: a holder its own, an officer those located or
    /// registered in its jurisdiction's subtree, an administrator all), read from the holder, county and registration
    /// authority the case copied from its right when it opened (a right's are fixed when it is registered). So the queue
    /// reads the cases alone: joined to the visible rights, a province's queue had the database go through the
    /// province's rights, or look up each case's right twice more, on every page (the load benchmark,
    /// <c>--scenario load</c>, measures it).
    /// </summary>
    private Task<IQueryable<Case>> VisibleAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.Cases, holder => c => c.HolderId == holder,
            codes => c => codes.Contains(c.JurisdictionCode) || codes.Contains(c.AuthorityCode), ct);

    private static IQueryable<QueueRow> Ordered(IQueryable<QueueRow> query) =>
        query.OrderByDescending(x => x.Case.Severity).ThenBy(x => x.DueKey).ThenBy(x => x.OpenedKey).ThenByDescending(x => x.HolderOpen).ThenBy(x => x.Case.Id);

    private async Task<Dictionary<Guid, (Guid Id, string State)>> StatesAsync(List<Guid> caseIds, CancellationToken ct) =>
        (await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == CaseSubjectKind.Kind && caseIds.Contains(i.SubjectId))
            .Select(i => new { i.SubjectId, i.Id, i.State }).ToListAsync(ct))
        .ToDictionary(i => i.SubjectId, i => (i.Id, i.State));

    /// <summary>The licence number of each case's right and the names of its holder (rights and holders are never deleted).</summary>
    private async Task<Dictionary<Guid, Names>> NamesAsync(List<Guid> caseIds, CancellationToken ct) =>
        (await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Rights, c => c.RightId, r => r.Id, (c, r) => new { c.Id, c.HolderId, r.LicenseNumber })
            .Join(db.Holders, x => x.HolderId, h => h.Id, (x, h) => new { x.Id, x.LicenseNumber, h.NameZh, h.NameEn })
            .ToListAsync(ct))
        .ToDictionary(x => x.Id, x => new Names(x.LicenseNumber, x.NameZh, x.NameEn));

    private static CaseView View(QueueRow x, Names names, (Guid Id, string State) instance, DateOnly today)
    {
        var c = x.Case;
        var from = c.DueOn ?? ProvinceCalendar.China.DateAt(new DateTimeOffset(c.OpenedAtUtc));
        return new(c.Id, c.RightId, names.LicenseNumber, c.HolderId, names.HolderNameZh, names.HolderNameEn, c.InstanceId,
            instance.Id == Guid.Empty ? null : instance.Id, instance.State, c.JurisdictionCode, c.AuthorityCode, c.RuleId, c.TitleZh, c.TitleEn,
            c.Severity, c.DueOn, c.Status == CaseStatus.Closed ? 0 : today.DayNumber - from.DayNumber, x.HolderOpen, c.Status, c.Disposition, c.DamagesYuan, c.OpenedAtUtc, c.ClosedAtUtc)
        {
            Citation = c.Citation,
        };
    }

    private static DateTime Instant(string ticks) =>
        long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= DateTime.MaxValue.Ticks
            ? new DateTime(value, DateTimeKind.Utc)
            : throw NotOurs();

    private static int Whole(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw NotOurs();

    private static RefusalException NotOurs() => RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");

    private sealed record Names(string LicenseNumber, string HolderNameZh, string HolderNameEn);

    /// <summary>A case with what the queue orders it by.</summary>
    private sealed class QueueRow
    {
        public required Case Case { get; init; }

        public DateOnly DueKey { get; init; }

        public DateTime OpenedKey { get; init; }

        public int HolderOpen { get; init; }
    }
}
