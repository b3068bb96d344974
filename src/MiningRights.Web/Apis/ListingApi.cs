using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Listing;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

/// <summary>The transfer block pool, annual plans, listings, agreement transfers with their objections, and registration from a block.</summary>
public static class ListingApi
{
    public sealed record InstanceCreated(Guid InstanceId, string DefinitionId, string State, BlockView Block);

    public static void MapListingApi(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api").WithTags("Listing").RequireAuthorization();
        var deciding = officers.MapGroup("/").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin));

        deciding.MapPost("/blocks", AddAsync).OfferedOn("/listing/blocks/new", "Add")
            .WithSummary("Add a candidate block to the transfer block pool (GS-8b): minerals, county, CGCS2000 corners, intended kind, ZJ-24/25/26 flags; refused if the polygon is invalid or overlaps a live block or a right in force.");
        officers.MapGet("/blocks", ListAsync).WithSummary("Blocks visible to the caller, priority minerals first (GS-8a), then by number.");
        officers.MapGet("/blocks/{id:guid}", GetAsync).WithSummary("One block with its polygon (GeoJSON), plan, transferee and transfer workflows.");
        deciding.MapPost("/transfer-plans", SetPlanAsync).OfferedOn("/listing/plans", "Set")
            .WithSummary("Set the annual transfer plan (quota of new rights) of a city or county; at province level, the provincial reserve (ZJ-25).");
        officers.MapGet("/transfer-plans", PlansAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Inspector, Roles.Admin))
            .WithSummary("Annual transfer plans in the caller's jurisdiction with their quota used and left.");
        deciding.MapPost("/blocks/{id:guid}/plan", PlanAsync).OfferedOn("/listing/blocks/{id:guid}", "Plan", shownWhen: "the block waits in the pool, outside a plan")
            .WithSummary("Put a pool block into its county's (or city's) plan for a year; a full plan refuses it, except ZJ-25 blocks, which draw the provincial reserve.");
        deciding.MapPost("/blocks/{id:guid}/listing", AnnounceAsync).OfferedOn("/listing/blocks/{id:guid}", "Announce", shownWhen: "the block is in this year's plan and not yet announced")
            .WithSummary("Announce a planned block for transfer by tender, auction or listing with its reserve price: starts the listing workflow.");
        deciding.MapPost("/blocks/{id:guid}/transaction", TransactAsync).OfferedOn("/listing/blocks/{id:guid}", "Transact", shownWhen: "the block's listing waits for its result")
            .WithSummary("After the announcement period, record the winner and the price (never below the reserve).");
        deciding.MapPost("/blocks/{id:guid}/agreement", AgreementAsync).OfferedOn("/listing/blocks/{id:guid}", "Agreement", shownWhen: "the block is planned for transfer by agreement")
            .WithSummary("Take up a transfer by agreement to an applicant: verification, public disclosure and objections follow (GS-9a).");
        deciding.MapPost("/blocks/{id:guid}/objections", ObjectAsync).OfferedOn("/listing/blocks/{id:guid}", "Object")
            .WithSummary("Record an objection raised while an agreement transfer is disclosed.");
        deciding.MapPost("/blocks/{id:guid}/objections/{objectionId:guid}/decision", DecideObjectionAsync).OfferedOn("/listing/blocks/{id:guid}", "DecideObjection")
            .WithSummary("Decide an objection: upheld or dismissed, with reasons.");
        deciding.MapPost("/blocks/{id:guid}/registration", RegisterAsync).OfferedOn("/listing/blocks/{id:guid}", "Register", shownWhen: "the contract is signed and its first payment confirmed")
            .WithSummary("Register the right on a transferred block (GS-9a) with its licence number and the block's polygon; optionally start its deferral (GS-9d, GS-9e).");

        var open = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/announcements", AnnouncementsAsync)
            .WithSummary("Public notices of listings, their results and agreement-transfer disclosures, newest first, with the block's polygon as GeoJSON. No sign-in.");
        open.MapGet("/announcements/{id:guid}", AnnouncementAsync).WithSummary("One public notice. No sign-in.");
    }

    public static async Task<Created<BlockView>> AddAsync(AddBlock.Request request, AddBlock handler, ListingQueries queries, HttpContext context, CancellationToken ct)
    {
        var block = await handler.HandleAsync(request, context.Current(), ct);
        return TypedResults.Created($"/api/blocks/{block.Id}", await queries.BlockAsync(context.Current(), block.Id, ct));
    }

    public static async Task<Ok<Page<BlockView>>> ListAsync(ListingQueries queries, HttpContext context, CancellationToken ct,
        string? status = null, string? county = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.BlocksAsync(context.Current(), EnumText.Parse<BlockStatus>(status, "status"), county, PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<BlockView>> GetAsync(Guid id, ListingQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.BlockAsync(context.Current(), id, ct));

    public static async Task<Ok<TransferPlanView>> SetPlanAsync(CreateTransferPlan.Request request, CreateTransferPlan handler, HttpContext context, CancellationToken ct)
    {
        var plan = await handler.HandleAsync(request, context.Current(), ct);
        return TypedResults.Ok(new TransferPlanView(plan.Id, plan.JurisdictionCode, plan.Year, plan.Quota, plan.Used, plan.Left, plan.JurisdictionCode.EndsWith("0000", StringComparison.Ordinal)));
    }

    public static async Task<Ok<IReadOnlyList<TransferPlanView>>> PlansAsync(ListingQueries queries, HttpContext context, CancellationToken ct, int? year = null) =>
        TypedResults.Ok(await queries.PlansAsync(context.Current(), year, ct));

    public static async Task<Ok<BlockView>> PlanAsync(Guid id, PlanBlock.Request request, PlanBlock handler, ListingQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(await queries.BlockAsync(context.Current(), id, ct));
    }

    public static async Task<Ok<InstanceCreated>> AnnounceAsync(Guid id, AnnounceListing.Request request, AnnounceListing handler, ListingQueries queries, HttpContext context, CancellationToken ct)
    {
        var instance = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(new InstanceCreated(instance.Id, instance.DefinitionId, instance.State, await queries.BlockAsync(context.Current(), id, ct)));
    }

    public static async Task<Ok<InstanceCreated>> TransactAsync(Guid id, RecordTransaction.Request request, RecordTransaction handler, ListingQueries queries, HttpContext context, CancellationToken ct)
    {
        var instance = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(new InstanceCreated(instance.Id, instance.DefinitionId, instance.State, await queries.BlockAsync(context.Current(), id, ct)));
    }

    public static async Task<Ok<InstanceCreated>> AgreementAsync(Guid id, StartAgreementTransfer.Request request, StartAgreementTransfer handler, ListingQueries queries, HttpContext context, CancellationToken ct)
    {
        var instance = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(new InstanceCreated(instance.Id, instance.DefinitionId, instance.State, await queries.BlockAsync(context.Current(), id, ct)));
    }

    public static async Task<Created<DisclosureObjection>> ObjectAsync(Guid id, RecordObjection.Request request, RecordObjection handler, HttpContext context, CancellationToken ct)
    {
        var objection = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Created($"/api/blocks/{id}/objections/{objection.Id}", objection);
    }

    public static async Task<Ok<DisclosureObjection>> DecideObjectionAsync(Guid id, Guid objectionId, DecideObjection.Request request, DecideObjection handler, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, objectionId, request, context.Current(), ct));

    public static async Task<Created<RightView>> RegisterAsync(Guid id, RegisterTransferredRight.Request request, RegisterTransferredRight handler, RightQueries rights, HttpContext context, CancellationToken ct)
    {
        var right = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Created($"/api/rights/{right.Id}", (await rights.ViewsAsync([right], ct))[0]);
    }

    public static async Task<Ok<Page<AnnouncementView>>> AnnouncementsAsync(ListingQueries queries, CancellationToken ct, string? kind = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.AnnouncementsAsync(EnumText.Parse<AnnouncementKind>(kind, "kind"), PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<AnnouncementView>> AnnouncementAsync(Guid id, ListingQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.AnnouncementAsync(id, ct));
}
