using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

public static class RightsApi
{
    public sealed record Place(string Code, string NameZh, string NameEn);

    public sealed record WorkflowView(Guid InstanceId, string DefinitionId, int Version, string State, string StatusZh, string StatusEn, bool Finished);

    public sealed record RightDto(
        Guid Id,
        string LicenseNumber,
        RightKind Kind,
        Guid HolderId,
        string HolderNameZh,
        string HolderNameEn,
        string ProjectName,
        IReadOnlyList<string> Minerals,
        decimal AreaKm2,
        Place LocationCounty,
        Place Authority,
        TransferMode TransferMode,
        bool BlankArea,
        DateOnly RegisteredOn,
        DateOnly IssuedOn,
        DateOnly ExpiresOn,
        RightStatus Status,
        string? ProvisionalRuleId,
        int? ServiceLifeYears,
        string? MiningMethod,
        string? MineScale,
        IReadOnlyList<WorkflowView> Workflows,
        IReadOnlyList<DeadlinesApi.DeadlineDto> OpenDeadlines);

    public sealed record HistoryEntry(DateTime AtUtc, string Actor, string What, string? RuleId, string Detail);

    public static void MapRightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rights").WithTags("Rights").RequireAuthorization();
        group.MapPost("/", RegisterAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Register a right (新立登记); with a deferral, start its workflow (GS-9d, GS-9e).");
        group.MapGet("/", ListAsync).WithSummary("Rights visible to the caller, with paging and filters.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One right with its workflows and open deadlines.");
        group.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("The right's history: registrations, decisions and every workflow transition.");
    }

    public static async Task<Created<RightDto>> RegisterAsync(RegisterRight.Request request, RegisterRight handler, MiningRightsDbContext db, WorkflowRegistry registry, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var right = await handler.HandleAsync(request, context.Current(), ct);
        return TypedResults.Created($"/api/rights/{right.Id}", await ToDtoAsync(right, db, registry, time, ct));
    }

    public static async Task<Ok<Page<RightDto>>> ListAsync(
        RightAccess access,
        MiningRightsDbContext db,
        WorkflowRegistry registry,
        TimeProvider time,
        HttpContext context,
        CancellationToken ct,
        int? page = null,
        int? pageSize = null,
        string? kind = null,
        string? status = null,
        Guid? holderId = null,
        string? county = null,
        string? licenseNumber = null)
    {
        var (skip, take) = Paging.Window(page, pageSize);
        var query = await access.VisibleAsync(context.Current(), ct);
        if (EnumText.Parse<RightKind>(kind, "kind") is { } wantedKind)
        {
            query = query.Where(r => r.Kind == wantedKind);
        }

        if (EnumText.Parse<RightStatus>(status, "status") is { } wantedStatus)
        {
            query = query.Where(r => r.Status == wantedStatus);
        }

        if (holderId is not null)
        {
            query = query.Where(r => r.HolderId == holderId);
        }

        if (county is not null)
        {
            query = query.Where(r => r.LocationCountyCode == county);
        }

        if (licenseNumber is not null)
        {
            var number = licenseNumber.ToUpperInvariant();
            query = query.Where(r => r.LicenseNumber == number);
        }

        var total = await query.CountAsync(ct);
        var rights = await query.AsNoTracking().OrderBy(r => r.LicenseNumber).Skip(skip).Take(take).ToListAsync(ct);
        return TypedResults.Ok(new Page<RightDto>(await ToDtosAsync(rights, db, registry, time, ct), page ?? 1, take, total));
    }

    public static async Task<Ok<RightDto>> GetAsync(Guid id, RightAccess access, MiningRightsDbContext db, WorkflowRegistry registry, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var right = await access.GetAsync(context.Current(), id, ct);
        return TypedResults.Ok(await ToDtoAsync(right, db, registry, time, ct));
    }

    public static async Task<Ok<List<HistoryEntry>>> HistoryAsync(Guid id, RightAccess access, MiningRightsDbContext db, HttpContext context, CancellationToken ct)
    {
        var right = await access.GetAsync(context.Current(), id, ct);
        var audit = await db.AuditEvents.Where(a => a.RightId == right.Id)
            .Select(a => new HistoryEntry(a.AtUtc, a.Actor, a.Action, a.RuleId, a.Detail)).ToListAsync(ct);
        var instances = await db.WorkflowInstances.Where(i => i.RightId == right.Id).Select(i => new { i.Id, i.DefinitionId }).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var journal = await db.Journal.Where(j => ids.Contains(j.InstanceId)).ToListAsync(ct);
        var entries = audit.Concat(journal.Select(j => new HistoryEntry(j.AtUtc, j.Actor,
                $"workflow.{instances.Single(i => i.Id == j.InstanceId).DefinitionId}", j.RuleId,
                $"{j.Trigger}: {j.FromState ?? "-"} → {j.ToState}{(j.Note is null ? string.Empty : " (" + j.Note + ")")}")))
            .OrderBy(e => e.AtUtc).ToList();
        return TypedResults.Ok(entries);
    }

    public static async Task<RightDto> ToDtoAsync(MiningRight right, MiningRightsDbContext db, WorkflowRegistry registry, TimeProvider time, CancellationToken ct) =>
        (await ToDtosAsync([right], db, registry, time, ct))[0];

    /// <summary>The views of a page of rights, read with one query per related table, not per right.</summary>
    public static async Task<List<RightDto>> ToDtosAsync(IReadOnlyList<MiningRight> rights, MiningRightsDbContext db, WorkflowRegistry registry, TimeProvider time, CancellationToken ct)
    {
        var ids = rights.Select(r => r.Id).ToList();
        var holderIds = rights.Select(r => r.HolderId).Distinct().ToList();
        var holders = await db.Holders.AsNoTracking().Where(h => holderIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var codes = rights.SelectMany(r => new[] { r.LocationCountyCode, r.AuthorityCode }).Distinct().ToList();
        var places = await db.Jurisdictions.AsNoTracking().Where(j => codes.Contains(j.Code))
            .ToDictionaryAsync(j => j.Code, j => new Place(j.Code, j.NameZh, j.NameEn), ct);
        var instances = (await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.RightId)).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct))
            .ToLookup(i => i.RightId);
        var deadlines = (await db.Deadlines.AsNoTracking()
                .Where(d => ids.Contains(d.RightId) && d.State == DeadlineState.Open && !d.Escalation)
                .OrderBy(d => d.DueOn).ToListAsync(ct))
            .ToLookup(d => d.RightId);

        var views = new List<RightDto>(rights.Count);
        foreach (var right in rights)
        {
            var holder = holders[right.HolderId];
            var workflows = new List<WorkflowView>();
            foreach (var instance in instances[right.Id])
            {
                var definition = await registry.ResolveAsync(instance, db, ct);
                var state = definition.Definition.States[instance.State];
                workflows.Add(new WorkflowView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.State, state.Status.Zh, state.Status.En, instance.Finished));
            }

            views.Add(new RightDto(
                right.Id, right.LicenseNumber, right.Kind, holder.Id, holder.NameZh, holder.NameEn, right.ProjectName,
                right.Minerals.Split(',', StringSplitOptions.RemoveEmptyEntries), right.AreaKm2,
                places[right.LocationCountyCode], places[right.AuthorityCode], right.TransferMode, right.BlankArea,
                right.RegisteredOn, right.IssuedOn, right.ExpiresOn, right.Status, right.ProvisionalRuleId,
                right.ServiceLifeYears, right.MiningMethod, right.MineScale, workflows,
                deadlines[right.Id].Select(d => DeadlinesApi.ToDto(d, right.LicenseNumber, time)).ToList()));
        }

        return views;
    }
}
