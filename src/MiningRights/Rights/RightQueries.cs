using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Ground;
using MiningRights.Listing;
using MiningRights.Paging;
using MiningRights.Workflows;

namespace MiningRights.Rights;

/// <summary>The rights a user may see, one right with its processes, and its history: the reads of the API and the pages.</summary>
public sealed class RightQueries(MiningRightsDbContext db, RightAccess access, WorkflowRegistry registry, DeadlineQueries deadlines)
{
    public sealed record Filter(RightKind? Kind, RightStatus? Status, Guid? HolderId, string? County, string? LicenseNumber);

    /// <summary>Rights in licence-number order, a page at a time.</summary>
    public async Task<Page<RightView>> ListAsync(Actor user, Filter filter, PageRequest page, CancellationToken ct)
    {
        var query = (await access.VisibleAsync(user, ct)).AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.HolderId is { } holder)
        {
            query = query.Where(r => r.HolderId == holder);
        }

        if (filter.County is { } county)
        {
            query = query.Where(r => r.LocationCountyCode == county);
        }

        if (filter.LicenseNumber is { } number)
        {
            var upper = number.ToUpperInvariant();
            query = query.Where(r => r.LicenseNumber == upper);
        }

        if (page.Keys(1) is [var after])
        {
            query = query.Where(r => string.Compare(r.LicenseNumber, after) > 0);
        }

        var rows = await query.OrderBy(r => r.LicenseNumber).Take(page.Size + 1).ToListAsync(ct);
        var views = (await ViewsAsync(rows.Take(page.Size).ToList(), ct)).ToDictionary(v => v.Id);
        return page.Build(rows, r => [r.LicenseNumber], r => views.GetValueOrDefault(r.Id)!);
    }

    public async Task<RightView> GetAsync(Actor user, Guid id, CancellationToken ct) =>
        (await ViewsAsync([await access.GetAsync(user, id, ct)], ct))[0];

    /// <summary>A right's page: its view, its ground as a GeoJSON polygon (null when registered without one) and its history, the right checked once.</summary>
    public sealed record Detail(RightView Right, System.Text.Json.Nodes.JsonObject? Footprint, IReadOnlyList<HistoryEntry> History);

    public async Task<Detail> DetailAsync(Actor user, Guid id, CancellationToken ct)
    {
        var right = await access.GetAsync(user, id, ct);
        var wkt = await db.Footprints.AsNoTracking().Where(f => f.OwnerKind == Ground.Footprint.RightOwner && f.OwnerId == right.Id)
            .Select(f => f.PolygonWkt).FirstOrDefaultAsync(ct);
        return new Detail((await ViewsAsync([right], ct))[0], wkt is null ? null : Ground.BlockPolygon.FromWkt(wkt).ToGeoJson(), await HistoryOfAsync(right.Id, ct));
    }

    /// <summary>Registrations, decisions and every transition of every process about the right, in time order.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(Actor user, Guid id, CancellationToken ct) =>
        await HistoryOfAsync((await access.GetAsync(user, id, ct)).Id, ct);

    private async Task<IReadOnlyList<HistoryEntry>> HistoryOfAsync(Guid rightId, CancellationToken ct)
    {
        var audit = await db.AuditEvents.AsNoTracking().Where(a => a.DossierId == rightId)
            .Select(a => new HistoryEntry(a.AtUtc, a.Actor, a.Action, a.RuleId, a.Detail)).ToListAsync(ct);
        var journal = await db.Journal.AsNoTracking()
            .Join(db.WorkflowInstances.Where(i => i.DossierId == rightId), j => j.InstanceId, i => i.Id, (j, i) => new { Entry = j, i.DefinitionId, i.DefinitionVersion, i.SubjectKind })
            .ToListAsync(ct);
        return audit.Concat(journal.Select(x => new HistoryEntry(x.Entry.AtUtc, x.Entry.Actor,
                $"workflow.{x.DefinitionId}", x.Entry.RuleId,
                $"{x.Entry.Trigger}: {x.Entry.FromState ?? "-"} → {x.Entry.ToState}{(x.Entry.Note is null ? string.Empty : " (" + x.Entry.Note + ")")}")
            {
                Step = new HistoryStep(x.DefinitionId, x.DefinitionVersion, x.Entry.Trigger, x.Entry.FromState, x.Entry.ToState, x.Entry.Note),
            }))
            .OrderBy(e => e.AtUtc).ToList();
    }

    /// <summary>The views of a page of rights, read with one query per related table, not per right.</summary>
    public async Task<IReadOnlyList<RightView>> ViewsAsync(IReadOnlyList<MiningRight> rights, CancellationToken ct)
    {
        var ids = rights.Select(r => r.Id).ToList();
        var holderIds = rights.Select(r => r.HolderId).Distinct().ToList();
        var holders = await db.Holders.AsNoTracking().Where(h => holderIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var codes = rights.SelectMany(r => new[] { r.LocationCountyCode, r.AuthorityCode }).Distinct().ToList();
        var places = await db.Jurisdictions.AsNoTracking().Where(j => codes.Contains(j.Code))
            .ToDictionaryAsync(j => j.Code, j => new PlaceView(j.Code, j.NameZh, j.NameEn), ct);
        var instances = (await db.WorkflowInstances.AsNoTracking().Where(i => i.DossierId != null && ids.Contains(i.DossierId.Value)).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct))
            .ToLookup(i => i.DossierId!.Value);
        var instanceIds = instances.SelectMany(g => g).ToDictionary(i => i.Id);
        var keys = instanceIds.Keys.ToList();
        var open = (await db.Deadlines.AsNoTracking()
                .Where(d => keys.Contains(d.InstanceId) && d.State == DeadlineState.Open && !d.Escalation)
                .OrderBy(d => d.DueOn).ToListAsync(ct))
            .ToLookup(d => instanceIds[d.InstanceId].DossierId!.Value);

        var views = new List<RightView>(rights.Count);
        foreach (var right in rights)
        {
            var holder = holders[right.HolderId];
            var workflows = new List<WorkflowView>();
            foreach (var instance in instances[right.Id])
            {
                var definition = await registry.ResolveAsync(instance, db, ct);
                var state = definition.Definition.States[instance.State];
                workflows.Add(new WorkflowView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.SubjectKind, instance.SubjectId,
                    instance.State, state.Status.Zh, state.Status.En, instance.Finished));
            }

            views.Add(new RightView(
                right.Id, right.LicenseNumber, right.Kind, holder.Id, holder.NameZh, holder.NameEn, right.ProjectName,
                right.Minerals.Split(',', StringSplitOptions.RemoveEmptyEntries), right.AreaKm2,
                places[right.LocationCountyCode], places[right.AuthorityCode], right.TransferMode, right.BlankArea,
                right.RegisteredOn, right.IssuedOn, right.ExpiresOn, right.Status, right.ProvisionalRuleId,
                right.ServiceLifeYears, right.MiningMethod, right.MineScale, workflows,
                open[right.Id].Select(d => deadlines.View(d, instanceIds[d.InstanceId])).ToList()));
        }

        return views;
    }
}
