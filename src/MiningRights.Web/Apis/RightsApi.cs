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
        var rights = await query.OrderBy(r => r.LicenseNumber).Skip(skip).Take(take).ToListAsync(ct);
        var items = new List<RightDto>();
        foreach (var right in rights)
        {
            items.Add(await ToDtoAsync(right, db, registry, time, ct));
        }

        return TypedResults.Ok(new Page<RightDto>(items, page ?? 1, take, total));
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

    public static async Task<RightDto> ToDtoAsync(MiningRight right, MiningRightsDbContext db, WorkflowRegistry registry, TimeProvider time, CancellationToken ct)
    {
        var holder = await db.Holders.AsNoTracking().SingleAsync(h => h.Id == right.HolderId, ct);
        var places = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.Code == right.LocationCountyCode || j.Code == right.AuthorityCode).ToListAsync(ct);
        Place PlaceOf(string code) => places.Where(p => p.Code == code).Select(p => new Place(p.Code, p.NameZh, p.NameEn)).Single();

        var workflows = new List<WorkflowView>();
        foreach (var instance in await db.WorkflowInstances.AsNoTracking().Where(i => i.RightId == right.Id).OrderBy(i => i.CreatedAtUtc).ToListAsync(ct))
        {
            var definition = await registry.ResolveAsync(instance, db, ct);
            var state = definition.Definition.States[instance.State];
            workflows.Add(new WorkflowView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.State, state.Status.Zh, state.Status.En, instance.Finished));
        }

        var deadlines = await db.Deadlines.AsNoTracking()
            .Where(d => d.RightId == right.Id && d.State == DeadlineState.Open && !d.Escalation)
            .OrderBy(d => d.DueOn).ToListAsync(ct);
        return new RightDto(
            right.Id, right.LicenseNumber, right.Kind, holder.Id, holder.NameZh, holder.NameEn, right.ProjectName,
            right.Minerals.Split(',', StringSplitOptions.RemoveEmptyEntries), right.AreaKm2,
            PlaceOf(right.LocationCountyCode), PlaceOf(right.AuthorityCode), right.TransferMode, right.BlankArea,
            right.RegisteredOn, right.IssuedOn, right.ExpiresOn, right.Status, right.ProvisionalRuleId,
            right.ServiceLifeYears, right.MiningMethod, right.MineScale, workflows,
            deadlines.Select(d => DeadlinesApi.ToDto(d, right.LicenseNumber, time)).ToList());
    }
}
