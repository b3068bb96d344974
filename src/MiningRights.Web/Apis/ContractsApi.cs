using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Paging;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

/// <summary>Transfer contracts: signing on a transacted block, payments, by-rate declarations, amendments, and the contract with its money.</summary>
public static class ContractsApi
{
    public static void MapContractsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Contracts").RequireAuthorization();
        group.MapPost("/blocks/{id:guid}/contract", SignAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Sign the transfer contract of a transacted block: number, income by amount (installments, first at least 10%, ZJ-27b) or by rate (ZJ-27a), performance clauses.");
        group.MapGet("/contracts/{id:guid}", GetAsync)
            .WithSummary("A contract with its clauses, installments as of today (owed, paid, late charge), payments and amendments.");
        group.MapPost("/contracts/{id:guid}/payments", PayAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Record a payment of transfer income received (amount, day, reference); partial payments allowed, overpayment refused.");
        group.MapPost("/contracts/{id:guid}/declarations", DeclareAsync).RequireAuthorization(p => p.RequireRole(Roles.Holder, Roles.Authority, Roles.Admin))
            .WithSummary("By rate: declare a year's sales revenue; the amount due is revenue × rate (ZJ-27a).");
        group.MapPost("/contracts/{id:guid}/amendments", AmendAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Record an amendment of a signed contract: its reason and the clauses it adds or replaces.");
        group.MapGet("/obligations", ObligationsAsync)
            .WithSummary("Monitored duties, soonest due first, each with its clause, rule and source, due date (moved by accepted relief), days left, state, pending relief and case: a holder's own (all its rights, or rightId), an officer's for one right (rightId). includeFinished=true lists done ones too.");
        group.MapPost("/rights/{id:guid}/relief-claims", ClaimReliefAsync).RequireAuthorization(p => p.RequireRole(Roles.Holder))
            .WithSummary("The holder claims force majeure (ground 'forceMajeure', GS-10b) or a justified reason ('justifiedReason', GS-10c, mining milestones) for named duties, with the period, reason and evidence. The authority decides through the claim's signals: accept (acceptedUntil, the whole period or less) or reject (reasons); the holder reports on resuming within 30 days (reportResumption, CN-INVEST).");
    }

    public static async Task<Ok<Page<ObligationView>>> ObligationsAsync(ObligationQueries queries, HttpContext context, CancellationToken ct,
        Guid? rightId = null, bool includeFinished = false, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), rightId, includeFinished, PageRequest.From(cursor, pageSize), ct));

    public static async Task<Created<InstanceView>> ClaimReliefAsync(Guid id, ClaimRelief.Request request, ClaimRelief handler, InstanceQueries instances, HttpContext context, CancellationToken ct)
    {
        var claim = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Created($"/api/workflows/instances/{claim.Id}", await instances.GetAsync(context.Current().Actor, claim.Id, ct));
    }

    public static async Task<Created<ContractView>> SignAsync(Guid id, SignContract.Request request, SignContract handler, ContractQueries queries, HttpContext context, CancellationToken ct)
    {
        var contract = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Created($"/api/contracts/{contract.Id}", await queries.GetAsync(context.Current(), contract.Id, ct));
    }

    public static async Task<Ok<ContractView>> GetAsync(Guid id, ContractQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));

    public static async Task<Ok<ContractView>> PayAsync(Guid id, RecordPayment.Request request, RecordPayment handler, ContractQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
    }

    public static async Task<Ok<ContractView>> DeclareAsync(Guid id, DeclareRevenue.Request request, DeclareRevenue handler, ContractQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
    }

    public static async Task<Ok<ContractView>> AmendAsync(Guid id, AmendContract.Request request, AmendContract handler, ContractQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
    }
}
