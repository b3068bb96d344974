using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;

namespace MiningRights.Rights;

/// <summary>
/// The register of rights as officers search it (登记簿查询): within what <see cref="RightAccess"/> lets the reader see,
/// by licence number, project or holder, status, kind, place (a province, city or county and everything below it) and
/// expiry, in licence-number order a page at a time. Every filter is a condition on an indexed column of the rights
/// table (licence number, holder, county, expiry), and only the page's rows are read with their holder and county.
/// </summary>
public sealed class RightSearch(MiningRightsDbContext db, RightAccess access, Access places, JurisdictionDirectory jurisdictions, TimeProvider time)
{
    public const int MaxText = 100;

    /// <param name="Text">A licence number or its beginning, a word of the project name, or a holder's name or credit code.</param>
    /// <param name="PlaceCode">A jurisdiction code: rights located in it or below it.</param>
    /// <param name="ExpiresBefore">Terms ending on or before this day.</param>
    /// <param name="ExpiresWithinDays">Terms ending from today to this many days ahead.</param>
    public sealed record Filter(
        string? Text = null,
        RightStatus? Status = null,
        RightKind? Kind = null,
        string? PlaceCode = null,
        DateOnly? ExpiresBefore = null,
        int? ExpiresWithinDays = null,
        Guid? HolderId = null);

    /// <summary>A right as a row of the register.</summary>
    public sealed record Row(
        Guid Id,
        string LicenseNumber,
        RightKind Kind,
        string ProjectName,
        Guid HolderId,
        string HolderNameZh,
        string HolderNameEn,
        PlaceView County,
        DateOnly ExpiresOn,
        RightStatus Status);

    public async Task<Page<Row>> ListAsync(Actor user, Filter filter, PageRequest page, CancellationToken ct)
    {
        var query = await WhereAsync(user, filter, ct);
        if (page.Keys(1) is [var after])
        {
            query = query.Where(r => string.Compare(r.LicenseNumber, after) > 0);
        }

        var rights = await query.OrderBy(r => r.LicenseNumber).Take(page.Size + 1).ToListAsync(ct);
        var rows = await RowsAsync(rights.Take(page.Size).ToList(), ct);
        return page.Build(rights, r => [r.LicenseNumber], r => rows[r.Id]);
    }

    /// <summary>The visible rights that pass every filter given (not yet ordered or paged).</summary>
    public async Task<IQueryable<MiningRight>> WhereAsync(Actor user, Filter filter, CancellationToken ct)
    {
        var query = (await access.VisibleAsync(user, ct)).AsNoTracking();
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            if (text.Length > MaxText)
            {
                throw RefusalException.Invalid("q", $"The search text may have at most {MaxText} characters.", $"搜索内容最多 {MaxText} 个字符。");
            }

            var upper = text.ToUpperInvariant();
            var holders = db.Holders.Where(h => h.NameZh.Contains(text) || h.NameEn.Contains(text) || h.CreditCode == upper).Select(h => h.Id);
            query = query.Where(r => r.LicenseNumber.StartsWith(upper) || r.ProjectName.Contains(text) || holders.Contains(r.HolderId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.HolderId is { } holder)
        {
            query = query.Where(r => r.HolderId == holder);
        }

        if (filter.PlaceCode is { Length: > 0 } place)
        {
            var tree = await jurisdictions.TreeAsync(db, ct);
            if (tree.Find(place) is null)
            {
                throw RefusalException.Invalid("place", $"'{Text.Cut(place)}' is not a jurisdiction code.", $"“{Text.Cut(place)}”不是行政区划代码。");
            }

            var codes = tree.Subtree(place).ToList();
            query = query.Where(r => codes.Contains(r.LocationCountyCode));
        }

        if (filter.ExpiresBefore is { } before)
        {
            query = query.Where(r => r.ExpiresOn <= before);
        }

        if (filter.ExpiresWithinDays is { } days)
        {
            if (days is < 0 or > 36500)
            {
                throw RefusalException.Invalid("within", "The number of days must be between 0 and 36500.", "天数必须在 0 至 36500 之间。");
            }

            var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
            var until = today.AddDays(days);
            query = query.Where(r => r.ExpiresOn >= today && r.ExpiresOn <= until);
        }

        return query;
    }

    /// <summary>The places the reader works in (its jurisdiction and everything below it; an administrator every one), in code order.</summary>
    public async Task<IReadOnlyList<Jurisdiction>> PlacesAsync(Actor user, CancellationToken ct)
    {
        var seen = await places.VisibleAsync(user, db.Jurisdictions.AsNoTracking(), heldBy: null, codes => j => codes.Contains(j.Code), ct);
        return await seen.OrderBy(j => j.Code).ToListAsync(ct);
    }

    /// <summary>The rows of a page of rights, with one query for their holders and one for their counties.</summary>
    public async Task<IReadOnlyDictionary<Guid, Row>> RowsAsync(IReadOnlyList<MiningRight> rights, CancellationToken ct)
    {
        var holderIds = rights.Select(r => r.HolderId).Distinct().ToList();
        var holders = await db.Holders.AsNoTracking().Where(h => holderIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var codes = rights.Select(r => r.LocationCountyCode).Distinct().ToList();
        var places = await db.Jurisdictions.AsNoTracking().Where(j => codes.Contains(j.Code))
            .ToDictionaryAsync(j => j.Code, j => new PlaceView(j.Code, j.NameZh, j.NameEn), ct);
        return rights.ToDictionary(r => r.Id, r => new Row(r.Id, r.LicenseNumber, r.Kind, r.ProjectName, r.HolderId,
            holders[r.HolderId].NameZh, holders[r.HolderId].NameEn, places[r.LocationCountyCode], r.ExpiresOn, r.Status));
    }
}
