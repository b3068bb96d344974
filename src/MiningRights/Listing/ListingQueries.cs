using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>The pool (priority minerals first, GS-8a), one block, the annual plans, and the public announcements.</summary>
public sealed class ListingQueries(MiningRightsDbContext db, BlockAccess access, JurisdictionDirectory jurisdictions)
{
    public async Task<Page<BlockView>> BlocksAsync(CurrentUser user, BlockStatus? status, string? county, PageRequest page, CancellationToken ct)
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

    /// <summary>Blocks of the pool on a map: their polygons, the rights around them, and where any two share ground.</summary>
    public sealed record PoolMap(IReadOnlyList<BlockView> Blocks, JsonObject Features, int Overlaps);

    public const int MapBlocks = 200;
    private const int MapRights = 500;

    /// <summary>
    /// The live blocks the user sees (pool, planned, in transfer; at most <see cref="MapBlocks"/>, priority minerals first)
    /// as a GeoJSON feature collection with the rights in force around them, and every overlap among them drawn as its
    /// own feature (block with block, block with right). The intake refuses overlapping ground, so an overlap here is
    /// something that changed since: a right registered over a block, or a polygon corrected.
    /// </summary>
    public async Task<PoolMap> PoolMapAsync(CurrentUser user, CancellationToken ct)
    {
        BlockStatus[] live = [BlockStatus.Pool, BlockStatus.Planned, BlockStatus.InTransfer];
        var rows = await (await access.VisibleAsync(user, ct)).AsNoTracking().Where(b => live.Contains(b.Status))
            .OrderByDescending(b => b.PriorityMineral).ThenBy(b => b.Code).Take(MapBlocks).ToListAsync(ct);
        var ids = rows.Select(b => b.Id).ToList();
        var footprints = await db.Footprints.AsNoTracking().Where(f => f.OwnerKind == Footprint.BlockOwner && ids.Contains(f.OwnerId))
            .ToDictionaryAsync(f => f.OwnerId, ct);
        var blocks = rows.Where(b => footprints.ContainsKey(b.Id)).Select(b => (Block: b, Polygon: BlockPolygon.FromWkt(footprints[b.Id].PolygonWkt))).ToList();
        var features = new JsonArray();
        var overlaps = 0;
        if (blocks.Count > 0)
        {
            var (minX, minY) = (blocks.Min(b => b.Polygon.MinLongitude), blocks.Min(b => b.Polygon.MinLatitude));
            var (maxX, maxY) = (blocks.Max(b => b.Polygon.MaxLongitude), blocks.Max(b => b.Polygon.MaxLatitude));
            var rights = await db.Footprints.AsNoTracking()
                .Where(f => f.OwnerKind == Footprint.RightOwner && f.MinLongitude <= maxX && f.MaxLongitude >= minX && f.MinLatitude <= maxY && f.MaxLatitude >= minY)
                .Join(db.Rights.Where(r => GroundCheck.Holding.Contains(r.Status)), f => f.OwnerId, r => r.Id, (f, r) => new { f.PolygonWkt, r.LicenseNumber, r.ProjectName })
                .Take(MapRights).ToListAsync(ct);
            var rightShapes = rights.Select(r => (Label: $"{r.LicenseNumber} {r.ProjectName}", Polygon: BlockPolygon.FromWkt(r.PolygonWkt))).ToList();
            foreach (var (label, polygon) in rightShapes)
            {
                features.Add(Feature(polygon.ToGeoJson(), "right", label));
            }

            for (var i = 0; i < blocks.Count; i++)
            {
                var (block, polygon) = blocks[i];
                features.Add(Feature(polygon.ToGeoJson(), "block", $"{block.Code} {block.Name}"));
                var others = blocks.Skip(i + 1).Select(b => (Label: b.Block.Code, b.Polygon)).Concat(rightShapes);
                foreach (var (label, other) in others)
                {
                    if (polygon.OverlapGeoJson(other) is { } shared)
                    {
                        overlaps++;
                        var feature = Feature(shared, "overlap", $"{block.Code} ∩ {label}");
                        feature["properties"]!["overlap"] = true;
                        features.Add(feature);
                    }
                }
            }
        }

        var running = (await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == BlockSubjectKind.Kind && ids.Contains(i.SubjectId) && !i.Finished)
            .Select(i => new { i.SubjectId, View = new BlockWorkflowView(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Finished, i.CreatedAtUtc) })
            .ToListAsync(ct)).ToLookup(i => i.SubjectId, i => i.View);
        return new PoolMap(blocks.Select(b => View(b.Block, footprints[b.Block.Id], null, running[b.Block.Id].ToList())).ToList(),
            new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }, overlaps);

        static JsonObject Feature(JsonObject geometry, string kind, string label) => new()
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["kind"] = kind, ["label"] = label },
            ["geometry"] = geometry,
        };
    }

    public async Task<BlockView> BlockAsync(CurrentUser user, Guid id, CancellationToken ct)
    {
        var block = await (await access.VisibleAsync(user, ct)).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw RefusalException.NotFound($"Block {id}", $"区块 {id}");
        var footprint = await db.Footprints.AsNoTracking().SingleOrDefaultAsync(f => f.OwnerKind == Footprint.BlockOwner && f.OwnerId == id, ct);
        var contract = await db.Contracts.AsNoTracking().Where(c => c.BlockId == id && c.VoidedAtUtc == null).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        var workflows = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == BlockSubjectKind.Kind && i.SubjectId == id)
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => new BlockWorkflowView(i.Id, i.DefinitionId, i.DefinitionVersion, i.State, i.Finished, i.CreatedAtUtc))
            .ToListAsync(ct);
        return View(block, footprint, contract, workflows);
    }

    public async Task<IReadOnlyList<TransferPlanView>> PlansAsync(CurrentUser user, int? year, CancellationToken ct)
    {
        var query = db.TransferPlans.AsNoTracking();
        if (!user.IsAdmin)
        {
            var codes = user.JurisdictionCode is { } root ? (await jurisdictions.TreeAsync(db, ct)).Subtree(root).ToList() : [];
            query = query.Where(p => codes.Contains(p.JurisdictionCode));
        }

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
        return rows.ToDictionary(a => a.Id, a =>
        {
            var block = blocks[a.BlockId];
            var county = tree.Find(block.CountyCode);
            return new AnnouncementView(a.Id, a.Kind, a.Method, a.TitleZh, a.TitleEn, block.Code, block.Name, block.Minerals.Split(','),
                block.CountyCode, county?.NameZh ?? string.Empty, county?.NameEn ?? string.Empty, block.AreaKm2, a.StartingPrice, a.Price,
                a.TransfereeName, a.StartsOn, a.EndsOn, a.RuleId, a.PublishedAtUtc, BlockPolygon.FromWkt(footprints[a.BlockId]).ToGeoJson());
        });
    }

    private static BlockView View(TransferBlock b, Footprint? footprint, Guid? contractId, IReadOnlyList<BlockWorkflowView> workflows) =>
        new(b.Id, b.Code, b.Name, b.Minerals.Split(','), b.CountyCode, b.AuthorityCode, b.IntendedKind, b.BlankArea, b.AreaKm2, b.PriorityMineral,
            b.MajorProjectInfrastructure, Enum.TryParse<Licensing.MineScale>(b.MineScale, out var scale) ? scale : null, b.MountainOrIslandCounty, b.CombinedSupply, b.Status, b.PlanId, b.QuotaSource, b.TransferMode,
            b.HolderId, b.RightId, contractId, footprint is null ? null : BlockPolygon.FromWkt(footprint.PolygonWkt).ToGeoJson(), workflows);
}
