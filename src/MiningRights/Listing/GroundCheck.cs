using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// The overlap check at intake: the ground a new block or right asks for may not overlap a live block of the pool or a
/// right in force. Touching edges are allowed. Candidates come from the footprints' indexed bounding boxes; only they
/// are compared polygon by polygon.
/// </summary>
public sealed class GroundCheck(MiningRightsDbContext db, DatabaseProvider database)
{
    /// <summary>The statuses in which a right holds its ground.</summary>
    public static readonly RightStatus[] Holding = [RightStatus.Active, RightStatus.Provisional, RightStatus.Suspended];

    /// <summary>
    /// Opens the caller's transaction holding the ground of <paramref name="countyCode"/>'s province until it commits, so
    /// that two intakes in one province are checked and written one after the other and cannot both take the same ground:
    /// the province's row is locked where the database locks rows; SQLite takes one writer at a time from the start of
    /// the transaction anyway.
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> HoldAsync(string countyCode, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var province = countyCode[..2] + "0000";
        var sql = $$"""SELECT "Code" AS "Value" FROM "Jurisdictions" WHERE "Code" = {0} {{database.RowLock}}""";
        await db.Database.SqlQueryRaw<string>(sql, province).ToListAsync(ct);
        return transaction;
    }

    /// <summary>Refuses with 422 naming each block or right <paramref name="polygon"/> overlaps and the overlap in km².</summary>
    public async Task EnsureFreeAsync(BlockPolygon polygon, Guid? exceptBlockId, CancellationToken ct)
    {
        var overlaps = await OverlapsAsync(polygon, exceptBlockId, ct);
        if (overlaps.Count == 0)
        {
            return;
        }

        var list = string.Join("; ", overlaps.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.What} {o.Label} ({o.OverlapKm2:0.####} km²)")));
        var listZh = string.Join("；", overlaps.Select(o => string.Create(CultureInfo.InvariantCulture, $"{(o.What == "block" ? "区块" : "矿业权")} {o.Label}（{o.OverlapKm2:0.####} 平方千米）")));
        var detail = $"The polygon overlaps {list}. A new block may not overlap a live block or a right in force; touching edges are allowed.";
        var detailZh = $"与已有区块或矿业权范围重叠：该多边形与{listZh}重叠。新区块不得与在库区块或有效矿业权的范围重叠；仅边界相接的除外。";
        throw new RefusalException(422, "Overlapping ground", detail, null, new Dictionary<string, string[]> { ["corners"] = [detail] }, detailZh: detailZh);
    }

    public async Task<IReadOnlyList<Overlap>> OverlapsAsync(BlockPolygon polygon, Guid? exceptBlockId, CancellationToken ct)
    {
        var candidates = await db.Footprints.AsNoTracking()
            .Where(f => f.MinLongitude <= polygon.MaxLongitude && f.MaxLongitude >= polygon.MinLongitude
                && f.MinLatitude <= polygon.MaxLatitude && f.MaxLatitude >= polygon.MinLatitude)
            .ToListAsync(ct);
        var hits = candidates
            .Where(f => !(f.OwnerKind == Footprint.BlockOwner && f.OwnerId == exceptBlockId))
            .Select(f => (Footprint: f, Area: BlockPolygon.FromWkt(f.PolygonWkt).OverlapKm2(polygon)))
            .Where(h => h.Area > 0)
            .ToList();
        if (hits.Count == 0)
        {
            return [];
        }

        var blockIds = hits.Where(h => h.Footprint.OwnerKind == Footprint.BlockOwner).Select(h => h.Footprint.OwnerId).ToList();
        var rightIds = hits.Where(h => h.Footprint.OwnerKind == Footprint.RightOwner).Select(h => h.Footprint.OwnerId).ToList();
        var blocks = (await db.Blocks.AsNoTracking().Where(b => blockIds.Contains(b.Id)).ToListAsync(ct))
            .Where(b => b.IsLive).ToDictionary(b => b.Id, b => b.Code);
        var rights = await db.Rights.AsNoTracking().Where(r => rightIds.Contains(r.Id) && Holding.Contains(r.Status))
            .ToDictionaryAsync(r => r.Id, r => r.LicenseNumber, ct);
        return hits
            .Select(h => h.Footprint.OwnerKind == Footprint.BlockOwner
                ? blocks.TryGetValue(h.Footprint.OwnerId, out var code) ? new Overlap("block", h.Footprint.OwnerId, code, h.Area) : null
                : rights.TryGetValue(h.Footprint.OwnerId, out var number) ? new Overlap("right", h.Footprint.OwnerId, number, h.Area) : null)
            .OfType<Overlap>()
            .OrderByDescending(o => o.OverlapKm2)
            .ToList();
    }

    public sealed record Overlap(string What, Guid Id, string Label, decimal OverlapKm2);
}
