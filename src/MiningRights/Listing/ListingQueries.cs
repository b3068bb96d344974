using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>The pool (priority minerals first, GS-8a), one block, the annual plans, and the public announcements.</summary>
public sealed class ListingQueries(MiningRightsDbContext db, BlockAccess access, Access places, IContractOfBlock contracts, JurisdictionDirectory jurisdictions, GroundCheck ground, PoolMapCache maps, TimeProvider time)
{
    public async Task<Page<BlockView>> BlocksAsync(Actor user, BlockStatus? status, string? county, PageRequest page, CancellationToken ct)
    {
        var query = (await access.VisibleAsync(user, ct)).AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(b => b.Status == wanted);
        }

        if (county is not null)
        {
            query = query.Where(b => b.CountyCode == county);
        }

        if (page.Keys(2) is [var priority, var code])
        {
            var first = priority == "1";
            query = first
                ? query.Where(b => !b.PriorityMineral || (b.PriorityMineral && b.Code.CompareTo(code) > 0))
                : query.Where(b => !b.PriorityMineral && b.Code.CompareTo(code) > 0);
        }

        var rows = await query.OrderByDescending(b => b.PriorityMineral).ThenBy(b => b.Code).Take(page.Size + 1).ToListAsync(ct);
        return page.Build(rows, b => [b.PriorityMineral ? "1" : "0", b.Code], b => View(b, null, null, []));
    }

    /// <summary>
    /// The block pool on a map: the live blocks the user sees, the key of the map that shows them
    /// (<see cref="PoolMapFeaturesAsync"/>), and how many overlaps that map draws.
    /// </summary>
    public sealed record PoolMap(IReadOnlyList<BlockView> Blocks, string MapKey, int Overlaps);

    public const int MapBlocks = 200;
    private const int MapRights = 500;

    /// <summary>
    /// The live blocks the user sees (pool, planned, in transfer; at most <see cref="MapBlocks"/>, priority minerals first),
    /// without their polygons, which the map has: see <see cref="PoolMapFeaturesAsync"/>.
    /// </summary>
    public async Task<PoolMap> PoolMapAsync(Actor user, CancellationToken ct)
    {
        var layout = await MapLayoutAsync(user, ct);
        var ids = layout.Blocks.Select(b => b.Id).ToList();
        var running = (await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == BlockSubjectKind.Kind && ids.Contains(i.SubjectId) && !i.Finished)
            .Select(i => new { i.SubjectId, View = new BlockWorkflowView(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Finished, i.CreatedAtUtc) })
            .ToListAsync(ct)).ToLookup(i => i.SubjectId, i => i.View);
        return new PoolMap(layout.Blocks.Select(b => View(b, null, null, running[b.Id].ToList())).ToList(), layout.Key, layout.Overlaps.Count);
    }

    /// <summary>
    /// The map of <see cref="PoolMapAsync"/> as a GeoJSON feature collection (UTF-8) with its key: the blocks, the rights
    /// in force around them, and every overlap among them as a feature of its own (block with block, block with right).
    /// The intake refuses overlapping ground, so an overlap here is ground from before the service, or a right registered
    /// over a block. Overlaps are read as they were stored when the ground was written (<see cref="GroundOverlap"/>) and
    /// polygons as the GeoJSON stored with them: no view computes an intersection or parses a polygon. The key is a hash
    /// of everything the map shows (which blocks, footprints, rights and overlaps, and their labels), and footprints and
    /// overlaps never change, so one key is one content for good: a map already written is served from the cache.
    /// </summary>
    public async Task<(string Key, byte[] Json)> PoolMapFeaturesAsync(Actor user, CancellationToken ct)
    {
        var layout = await MapLayoutAsync(user, ct);
        if (maps.TryGet(layout.Key, out var cached))
        {
            return (layout.Key, cached);
        }

        var blockIds = layout.Blocks.Select(b => b.Id).ToList();
        var rightIds = layout.Rights.Select(r => r.RightId).ToList();
        var outlines = await db.Footprints.AsNoTracking()
            .Where(f => (f.OwnerKind == Footprint.BlockOwner && blockIds.Contains(f.OwnerId)) || (f.OwnerKind == Footprint.RightOwner && rightIds.Contains(f.OwnerId)))
            .Select(f => new { f.OwnerId, f.GeoJson, Wkt = f.GeoJson == null ? f.PolygonWkt : null })
            .ToDictionaryAsync(f => f.OwnerId, f => f.GeoJson ?? BlockPolygon.FromStored(f.Wkt!).ToGeoJson().ToJsonString(), ct);
        var overlapIds = layout.Overlaps.Select(o => o.Id).ToList();
        var shared = await db.GroundOverlaps.AsNoTracking().Where(o => overlapIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.GeoJson, ct);

        // In the order the map drew them when it computed overlaps: the rights, then each block followed by its overlaps.
        using var map = new MapWriter();
        foreach (var right in layout.Rights)
        {
            map.Feature("right", right.Label, outlines[right.RightId], overlap: false);
        }

        var overlapsOf = layout.Overlaps.ToLookup(o => o.First);
        foreach (var block in layout.Blocks)
        {
            map.Feature("block", $"{block.Code} {block.Name}", outlines[block.Id], overlap: false);
            foreach (var overlap in overlapsOf[block.Id])
            {
                map.Feature("overlap", overlap.Label, shared[overlap.Id], overlap: true);
            }
        }

        var json = map.Finish();
        maps.Add(layout.Key, json);
        return (layout.Key, json);
    }

    /// <summary>What the pool's map shows, read without any polygon: the blocks, their footprints, the rights, the overlaps, and its key.</summary>
    private async Task<MapLayout> MapLayoutAsync(Actor user, CancellationToken ct)
    {
        // Ground written straight into the database since the service started (an import) is recorded before it is drawn.
        await ground.RecordPendingAsync(ct);

        // Every block has its footprint from the intake on; the box is read from an index, not from behind the polygon.
        BlockStatus[] live = [BlockStatus.Pool, BlockStatus.Planned, BlockStatus.InTransfer];
        var rows = await (await access.VisibleAsync(user, ct)).AsNoTracking().Where(b => live.Contains(b.Status))
            .Join(db.Footprints.Where(f => f.OwnerKind == Footprint.BlockOwner), b => b.Id, f => f.OwnerId,
                (b, f) => new { Block = b, f.MinLongitude, f.MinLatitude, f.MaxLongitude, f.MaxLatitude })
            .OrderByDescending(r => r.Block.PriorityMineral).ThenBy(r => r.Block.Code).Take(MapBlocks).ToListAsync(ct);
        var blocks = rows.Select(r => r.Block).ToList();
        if (blocks.Count == 0)
        {
            return new MapLayout(blocks, [], [], Key(blocks, [], []));
        }

        var (minX, minY) = (rows.Min(r => r.MinLongitude), rows.Min(r => r.MinLatitude));
        var (maxX, maxY) = (rows.Max(r => r.MaxLongitude), rows.Max(r => r.MaxLatitude));
        var rights = await db.Footprints.AsNoTracking()
            .Where(f => f.OwnerKind == Footprint.RightOwner && f.MinLongitude <= maxX && f.MaxLongitude >= minX && f.MinLatitude <= maxY && f.MaxLatitude >= minY)
            .Join(db.Rights.Where(r => GroundCheck.Holding.Contains(r.Status)), f => f.OwnerId, r => r.Id, (f, r) => new { r.Id, r.LicenseNumber, r.ProjectName })
            .OrderBy(r => r.LicenseNumber).Take(MapRights)
            .Select(r => new MapRight(r.Id, r.LicenseNumber + " " + r.ProjectName)).ToListAsync(ct);
        var ids = blocks.Select(b => b.Id).ToList();
        var stored = await db.GroundOverlaps.AsNoTracking().Where(o => ids.Contains(o.BlockId)).Select(o => new { o.Id, o.BlockId, o.OtherId }).ToListAsync(ct);

        // Only overlaps of two shapes on the map; each after the block listed first of its two, then in the order of the
        // others: blocks, then rights.
        var place = blocks.Select((b, i) => (b.Id, i)).Concat(rights.Select((r, i) => (r.RightId, blocks.Count + i))).ToDictionary(p => p.Item1, p => p.Item2);
        var labels = blocks.Select(b => (b.Id, b.Code)).Concat(rights.Select(r => (r.RightId, r.Label))).ToDictionary(l => l.Item1, l => l.Item2);
        var overlaps = stored
            .Where(o => place.ContainsKey(o.OtherId))
            .Select(o => place[o.BlockId] < place[o.OtherId] ? (o.Id, First: o.BlockId, Second: o.OtherId) : (o.Id, First: o.OtherId, Second: o.BlockId))
            .OrderBy(o => place[o.First]).ThenBy(o => place[o.Second])
            .Select(o => new MapOverlap(o.Id, o.First, $"{labels[o.First]} ∩ {labels[o.Second]}"))
            .ToList();
        return new MapLayout(blocks, rights, overlaps, Key(blocks, rights, overlaps));
    }

    /// <summary>
    /// A hash of everything the map shows, in order; a polygon by its owner (a block or right has one footprint, never
    /// changed) and an overlap by its id (never changed either).
    /// </summary>
    private static string Key(List<TransferBlock> blocks, List<MapRight> rights, List<MapOverlap> overlaps)
    {
        var shown = new StringBuilder();
        foreach (var block in blocks)
        {
            shown.Append(CultureInfo.InvariantCulture, $"b{block.Id}|{block.Code}|{block.Name}\n");
        }

        foreach (var right in rights)
        {
            shown.Append(CultureInfo.InvariantCulture, $"r{right.RightId}|{right.Label}\n");
        }

        foreach (var overlap in overlaps)
        {
            shown.Append(CultureInfo.InvariantCulture, $"o{overlap.Id}|{overlap.First}|{overlap.Label}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shown.ToString()))[..16]);
    }

    public async Task<BlockView> BlockAsync(Actor user, Guid id, CancellationToken ct)
    {
        var block = await (await access.VisibleAsync(user, ct)).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw RefusalException.NotFound($"Block {id}", $"区块 {id}");
        var footprint = await db.Footprints.AsNoTracking().SingleOrDefaultAsync(f => f.OwnerKind == Footprint.BlockOwner && f.OwnerId == id, ct);
        var contract = await contracts.ContractOfAsync(id, ct);
        var workflows = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == BlockSubjectKind.Kind && i.SubjectId == id)
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => new BlockWorkflowView(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Finished, i.CreatedAtUtc))
            .ToListAsync(ct);
        return View(block, footprint, contract, workflows);
    }

    public async Task<IReadOnlyList<TransferPlanView>> PlansAsync(Actor user, int? year, CancellationToken ct)
    {
        var query = await places.VisibleAsync(user, db.TransferPlans.AsNoTracking(), heldBy: null, codes => p => codes.Contains(p.JurisdictionCode), ct);

        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        return (await query.OrderBy(p => p.Year).ThenBy(p => p.JurisdictionCode).ToListAsync(ct))
            .Select(p => new TransferPlanView(p.Id, p.JurisdictionCode, p.Year, p.Quota, p.Used, p.Left, p.JurisdictionCode.EndsWith("0000", StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>Public: every announcement, newest first. Nothing here needs a signed-in user.</summary>
    public async Task<Page<AnnouncementView>> AnnouncementsAsync(AnnouncementKind? kind, PageRequest page, CancellationToken ct)
    {
        var query = db.Announcements.AsNoTracking();
        if (kind is { } wanted)
        {
            query = query.Where(a => a.Kind == wanted);
        }

        if (page.Keys(2) is [var at, var id])
        {
            var published = PageRequest.ReadInstant(at);
            var after = PageRequest.ReadGuid(id);
            query = query.Where(a => a.PublishedAtUtc < published || (a.PublishedAtUtc == published && a.Id.CompareTo(after) > 0));
        }

        var rows = await query.OrderByDescending(a => a.PublishedAtUtc).ThenBy(a => a.Id).Take(page.Size + 1).ToListAsync(ct);
        var views = await AnnouncementViewsAsync(rows, ct);
        return page.Build(rows, a => [a.PublishedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), a.Id.ToString()], a => views[a.Id]);
    }

    public async Task<AnnouncementView> AnnouncementAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Announcements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw RefusalException.NotFound($"Announcement {id}", $"公告 {id}");
        return (await AnnouncementViewsAsync([row], ct))[id];
    }

    private async Task<Dictionary<Guid, AnnouncementView>> AnnouncementViewsAsync(IReadOnlyList<TransferAnnouncement> rows, CancellationToken ct)
    {
        var blockIds = rows.Select(a => a.BlockId).Distinct().ToList();
        var blocks = await db.Blocks.AsNoTracking().Where(b => blockIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var footprints = await db.Footprints.AsNoTracking().Where(f => f.OwnerKind == Footprint.BlockOwner && blockIds.Contains(f.OwnerId))
            .ToDictionaryAsync(f => f.OwnerId, f => f.PolygonWkt, ct);
        var tree = await jurisdictions.TreeAsync(db, ct);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        return rows.ToDictionary(a => a.Id, a =>
        {
            var block = blocks[a.BlockId];
            var county = tree.Find(block.CountyCode);
            var polygon = BlockPolygon.FromWkt(footprints[a.BlockId]);
            return new AnnouncementView(a.Id, a.Kind, a.Method, a.TitleZh, a.TitleEn, block.Code, block.Name, block.Minerals.Split(','),
                block.CountyCode, county?.NameZh ?? string.Empty, county?.NameEn ?? string.Empty, block.AreaKm2, a.StartingPrice, a.Price,
                a.TransfereeName, a.StartsOn, a.EndsOn, a.RuleId, a.PublishedAtUtc, polygon.ToGeoJson(),
                a.BiddingEndsOn, a.Contact, (a.BiddingEndsOn ?? a.EndsOn) < today, Numbered(polygon.Corners));
        });
    }

    /// <summary>The corners as an announcement numbers them: each once, the ring's closing repeat of the first left out.</summary>
    private static IReadOnlyList<double[]> Numbered(IReadOnlyList<double[]> ring) =>
        ring.Count > 1 && ring[0].SequenceEqual(ring[^1]) ? ring.Take(ring.Count - 1).ToList() : ring;

    private static BlockView View(TransferBlock b, Footprint? footprint, Guid? contractId, IReadOnlyList<BlockWorkflowView> workflows) =>
        new(b.Id, b.Code, b.Name, b.Minerals.Split(','), b.CountyCode, b.AuthorityCode, b.IntendedKind, b.BlankArea, b.AreaKm2, b.PriorityMineral,
            b.MajorProjectInfrastructure, Enum.TryParse<Rights.MineScale>(b.MineScale, out var scale) ? scale : null, b.MountainOrIslandCounty, b.CombinedSupply, b.Status, b.PlanId, b.QuotaSource, b.TransferMode,
            b.HolderId, b.RightId, contractId, footprint is null ? null : BlockPolygon.FromWkt(footprint.PolygonWkt).ToGeoJson(), workflows);

    /// <summary>A right on the pool's map, labelled with its licence number and project name.</summary>
    private sealed record MapRight(Guid RightId, string Label);

    /// <summary>An overlap on the pool's map, drawn after the block <paramref name="First"/>.</summary>
    private sealed record MapOverlap(Guid Id, Guid First, string Label);

    /// <summary>What the pool's map shows, in order: the blocks, the rights, the overlaps; and its key.</summary>
    private sealed record MapLayout(List<TransferBlock> Blocks, List<MapRight> Rights, List<MapOverlap> Overlaps, string Key);
}
