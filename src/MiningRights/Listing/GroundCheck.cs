using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// The ground a new block or right asks for, checked and recorded while all ground is held. Refused when it overlaps a
/// live block of the pool or a right in force (touching edges are allowed). Accepted, every overlap it has with ground
/// already recorded is stored (<see cref="GroundOverlap"/>), so that the pool's map never computes one. Candidates come
/// from the footprints' indexed bounding boxes; only they are compared polygon by polygon.
/// </summary>
public sealed class GroundCheck(MiningRightsDbContext db, DatabaseProvider database, TimeProvider time) : IGroundRegister
{
    /// <summary>The statuses in which a right holds its ground.</summary>
    public static readonly RightStatus[] Holding = [RightStatus.Active, RightStatus.Provisional, RightStatus.Suspended];

    // Names the lock of all ground for the database's advisory locks ("MRGROUND"); nothing else takes it.
    private const long GroundLock = 0x4D52_4752_4F55_4E44;

    // Footprints recorded in one transaction by RecordPendingAsync, so that a long backlog does not hold the ground for long.
    private const int PendingBatch = 50;

    /// <summary>
    /// Opens the caller's transaction holding all ground until it commits, so that writes of ground, on any node and in
    /// any province, are checked and recorded one after the other: each reads the footprints the others committed (every
    /// statement after the lock reads what is committed by then), so that two of them can neither take the same ground
    /// nor miss the overlap between them. Ground has no provinces (corners are not held to their county), so holding one
    /// province let two intakes in neighbouring provinces both take it. Intakes are a few a day; each holds the ground
    /// for its check only.
    /// </summary>
    public async Task<IDbContextTransaction> HoldAsync(CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await database.LockUntilCommitAsync(db, GroundLock, ct);
        return transaction;
    }

    /// <summary>
    /// Refuses with 422 naming each live block or right in force <paramref name="polygon"/> overlaps and the overlap in km²;
    /// otherwise returns every footprint it shares ground with (blocks and rights that no longer hold it, and the block
    /// <paramref name="exceptBlockId"/> whose ground a right takes over), for <see cref="RecordAsync"/>. Ground taken in
    /// the same unit of work and not saved yet (<paramref name="pending"/>, a batch of registrations) is held as well.
    /// </summary>
    public async Task<IReadOnlyList<GroundSharing>> EnsureFreeAsync(BlockPolygon polygon, Guid? exceptBlockId, CancellationToken ct, IReadOnlyList<GroundPending>? pending = null)
    {
        var sharing = await SharingAsync(polygon, null, recordedOnly: false, ct);
        var overlaps = await HeldAsync(sharing.Where(s => !(s.Footprint.OwnerKind == Footprint.BlockOwner && s.Footprint.OwnerId == exceptBlockId)).ToList(), ct);
        foreach (var taken in pending ?? [])
        {
            var box = taken.Polygon;
            if (box.MinLongitude <= polygon.MaxLongitude && box.MaxLongitude >= polygon.MinLongitude && box.MinLatitude <= polygon.MaxLatitude
                && box.MaxLatitude >= polygon.MinLatitude && polygon.SharedWith(box) is { } shared)
            {
                overlaps.Add(new Overlap(taken.Footprint.OwnerKind == Footprint.BlockOwner ? "block" : "right", taken.Footprint.OwnerId, taken.Label, shared.AreaKm2));
            }
        }

        if (overlaps.Count == 0)
        {
            return sharing;
        }

        var list = string.Join("; ", overlaps.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.What} {o.Label} ({o.OverlapKm2:0.####} km²)")));
        var listZh = string.Join("；", overlaps.Select(o => string.Create(CultureInfo.InvariantCulture, $"{(o.What == "block" ? "区块" : "矿业权")} {o.Label}（{o.OverlapKm2:0.####} 平方千米）")));
        var detail = $"The polygon overlaps {list}. A new block may not overlap a live block or a right in force; touching edges are allowed.";
        var detailZh = $"与已有区块或矿业权范围重叠：该多边形与{listZh}重叠。新区块不得与在库区块或有效矿业权的范围重叠；仅边界相接的除外。";
        throw new RefusalException(422, "Overlapping ground", detail, null, new Dictionary<string, string[]> { ["corners"] = [detail] }, detailZh: detailZh);
    }

    /// <summary>
    /// Adds to the caller's unit of work (which holds the ground) one <see cref="GroundOverlap"/> for each footprint of
    /// <paramref name="sharing"/> already recorded, where one of the two is a block's, and marks <paramref name="footprint"/>
    /// recorded. Footprints not recorded yet are left out: each records its overlap with this one when its own turn comes.
    /// A block being added in this unit of work is found among the tracked blocks.
    /// </summary>
    public async Task RecordAsync(Footprint footprint, BlockPolygon polygon, IReadOnlyList<GroundSharing> sharing, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pairs = sharing
            .Where(s => s.Footprint.Id != footprint.Id && s.Footprint.OverlapsRecordedAtUtc is not null)
            .Where(s => footprint.OwnerKind == Footprint.BlockOwner || s.Footprint.OwnerKind == Footprint.BlockOwner)
            .ToList();
        var blockIds = pairs.Select(p => p.Footprint).Append(footprint).Where(f => f.OwnerKind == Footprint.BlockOwner).Select(f => f.OwnerId).ToList();
        if (pairs.Count == 0)
        {
            // A right sharing no recorded block's ground (most rights): nothing to record, nothing to read.
            footprint.OverlapsRecordedAtUtc = now;
            return;
        }

        var order = db.Blocks.Local.Where(b => blockIds.Contains(b.Id)).ToDictionary(b => b.Id, b => (b.PriorityMineral, b.Code));
        var stored = blockIds.Where(id => !order.ContainsKey(id)).ToList();
        foreach (var block in await db.Blocks.AsNoTracking().Where(b => stored.Contains(b.Id)).Select(b => new { b.Id, b.PriorityMineral, b.Code }).ToListAsync(ct))
        {
            order[block.Id] = (block.PriorityMineral, block.Code);
        }

        foreach (var pair in pairs)
        {
            // Drawn as the pool's map drew it when it computed overlaps: the block it lists first, intersected with the other.
            var thisFirst = footprint.OwnerKind == Footprint.BlockOwner
                && (pair.Footprint.OwnerKind == Footprint.RightOwner || ListsFirst(order.GetValueOrDefault(footprint.OwnerId), order.GetValueOrDefault(pair.Footprint.OwnerId)));
            var (first, second) = thisFirst ? (footprint, pair.Footprint) : (pair.Footprint, footprint);
            var shared = thisFirst ? polygon.SharedWith(pair.Polygon) : pair.Polygon.SharedWith(polygon);
            if (shared is null)
            {
                continue;
            }

            db.GroundOverlaps.Add(new GroundOverlap
            {
                BlockId = first.OwnerId,
                OtherKind = second.OwnerKind,
                OtherId = second.OwnerId,
                AreaKm2 = shared.AreaKm2,
                GeoJson = shared.GeoJson.ToJsonString(),
                RecordedAtUtc = now,
            });
        }

        footprint.OverlapsRecordedAtUtc = now;
    }

    /// <summary>
    /// Records the overlaps of every footprint written without them (before overlaps were kept, or straight into the
    /// database by an import), a batch at a time while holding the ground, and gives it its GeoJSON where it has none.
    /// Returns how many it recorded. When there are none, this is one probe of an index.
    /// </summary>
    public async Task<int> RecordPendingAsync(CancellationToken ct)
    {
        var recorded = 0;
        while (await db.Footprints.AnyAsync(f => f.OverlapsRecordedAtUtc == null, ct))
        {
            await using var hold = await HoldAsync(ct);

            // Read again under the hold: another node may have recorded them meanwhile.
            var pending = await db.Footprints.Where(f => f.OverlapsRecordedAtUtc == null).OrderBy(f => f.Id).Take(PendingBatch).ToListAsync(ct);
            foreach (var footprint in pending)
            {
                BlockPolygon polygon;
                try
                {
                    polygon = BlockPolygon.FromStored(footprint.PolygonWkt);
                }
                catch (InvalidOperationException ex)
                {
                    // Only ground written behind the service's back can be unreadable: say whose, for whoever wrote it.
                    throw new InvalidOperationException($"The ground of {footprint.OwnerKind} {footprint.OwnerId} (footprint {footprint.Id}) cannot be read to record its overlaps: {ex.Message}", ex);
                }

                footprint.GeoJson ??= polygon.ToGeoJson().ToJsonString();
                await RecordAsync(footprint, polygon, await SharingAsync(polygon, footprint, recordedOnly: true, ct), ct);

                // Saved one by one, so that the next of the batch finds this one recorded.
                await db.SaveChangesAsync(ct);
            }

            await hold.CommitAsync(ct);
            recorded += pending.Count;
        }

        return recorded;
    }

    /// <summary>
    /// The footprints whose interiors <paramref name="polygon"/> shares (all of them, or those recorded; for the
    /// footprint <paramref name="of"/> a right's, only blocks, since the pool pairs no right with a right).
    /// </summary>
    private async Task<List<GroundSharing>> SharingAsync(BlockPolygon polygon, Footprint? of, bool recordedOnly, CancellationToken ct)
    {
        var query = db.Footprints.AsNoTracking()
            .Where(f => f.MinLongitude <= polygon.MaxLongitude && f.MaxLongitude >= polygon.MinLongitude
                && f.MinLatitude <= polygon.MaxLatitude && f.MaxLatitude >= polygon.MinLatitude);
        if (recordedOnly)
        {
            query = query.Where(f => f.OverlapsRecordedAtUtc != null);
        }

        if (of is not null)
        {
            query = query.Where(f => f.Id != of.Id);
            if (of.OwnerKind == Footprint.RightOwner)
            {
                query = query.Where(f => f.OwnerKind == Footprint.BlockOwner);
            }
        }

        // Everything but the GeoJSON, which only maps read.
        var candidates = await query
            .Select(f => new Footprint { Id = f.Id, OwnerKind = f.OwnerKind, OwnerId = f.OwnerId, PolygonWkt = f.PolygonWkt, OverlapsRecordedAtUtc = f.OverlapsRecordedAtUtc })
            .ToListAsync(ct);
        return candidates
            .Select(f => (Footprint: f, Polygon: BlockPolygon.FromStored(f.PolygonWkt)))
            .Select(c => polygon.SharedWith(c.Polygon) is { } shared ? new GroundSharing(c.Footprint, c.Polygon, shared.AreaKm2) : null)
            .OfType<GroundSharing>()
            .ToList();
    }

    /// <summary>Of <paramref name="sharing"/>, the live blocks and the rights in force, largest overlap first.</summary>
    private async Task<List<Overlap>> HeldAsync(List<GroundSharing> sharing, CancellationToken ct)
    {
        if (sharing.Count == 0)
        {
            return [];
        }

        var blockIds = sharing.Where(s => s.Footprint.OwnerKind == Footprint.BlockOwner).Select(s => s.Footprint.OwnerId).ToList();
        var rightIds = sharing.Where(s => s.Footprint.OwnerKind == Footprint.RightOwner).Select(s => s.Footprint.OwnerId).ToList();
        var blocks = (await db.Blocks.AsNoTracking().Where(b => blockIds.Contains(b.Id)).ToListAsync(ct))
            .Where(b => b.IsLive).ToDictionary(b => b.Id, b => b.Code);
        var rights = await db.Rights.AsNoTracking().Where(r => rightIds.Contains(r.Id) && Holding.Contains(r.Status))
            .ToDictionaryAsync(r => r.Id, r => r.LicenseNumber, ct);
        return sharing
            .Select(s => s.Footprint.OwnerKind == Footprint.BlockOwner
                ? blocks.TryGetValue(s.Footprint.OwnerId, out var code) ? new Overlap("block", s.Footprint.OwnerId, code, s.OverlapKm2) : null
                : rights.TryGetValue(s.Footprint.OwnerId, out var number) ? new Overlap("right", s.Footprint.OwnerId, number, s.OverlapKm2) : null)
            .OfType<Overlap>()
            .OrderByDescending(o => o.OverlapKm2)
            .ToList();
    }

    /// <summary>The pool's order: priority minerals first (GS-8a), then by code.</summary>
    private static bool ListsFirst((bool PriorityMineral, string Code) block, (bool PriorityMineral, string Code) other) =>
        block.PriorityMineral != other.PriorityMineral ? block.PriorityMineral : string.CompareOrdinal(block.Code, other.Code) < 0;

    public sealed record Overlap(string What, Guid Id, string Label, decimal OverlapKm2);
}
