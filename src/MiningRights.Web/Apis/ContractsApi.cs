using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Paging;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

/// <summary>Transfer contracts: signing on a transacted block, payments, by-rate declarations, amendments, and the contract with its money.</summary>
public static class ContractsApi
{
    public static void MapContractsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Contracts").RequireAuthorization();
        group.MapPost("/blocks/{id:guid}/contract", SignAsync).OfferedOn("/listing/blocks/{id:guid}", "SignContract", shownWhen: "the transaction is recorded and no contract signed").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Sign the transfer contract of a transacted block: number, income by amount (installments, first at least 10%, ZJ-27b) or by rate (ZJ-27a), performance clauses.");
        group.MapPost("/rights/{id:guid}/contract", EnterAsync).OfferedOn("/rights/{id:guid}/contract", "Enter").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Enter the transfer contract of a right registered before the service kept contracts: number, signing day, income as fixed, performance clauses. Its duties start from the clauses, from today: those already due before are listed as not started, and a duty another process on the right monitors stays with it (GS-10a).");
        group.MapGet("/contracts/{id:guid}", GetAsync)
            .WithSummary("A contract with its clauses, installments as of today (owed, paid, late charge), payments and amendments.");
        group.MapPost("/contracts/{id:guid}/payments", PayAsync).OfferedOn("/contracts/{id:guid}", "Pay", shownWhen: "an installment is owed").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Record a payment of transfer income received (amount, day, reference); partial payments allowed, overpayment refused.");
        group.MapPost("/contracts/{id:guid}/declarations", DeclareAsync).OfferedOn("/rights/{id:guid}", "Declare", shownWhen: "the right's contract collects its income by rate (ZJ-27); VoidedTransferTests declares through that form").RequireAuthorization(p => p.RequireRole(Roles.Holder, Roles.Authority, Roles.Admin))
            .WithSummary("By rate: declare a year's sales revenue; the amount due is revenue × rate (ZJ-27a).");
        group.MapPost("/contracts/{id:guid}/amendments", AmendAsync).OfferedOn("/contracts/{id:guid}", "Amend").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Record an amendment of a signed contract: its reason and the clauses it adds or replaces.");
        group.MapGet("/obligations", ObligationsAsync)
            .WithSummary("Monitored duties, soonest due first, each with its clause, rule and source, due date (moved by accepted relief), days left, state, pending relief and case: a holder's own (all its rights, or rightId), an officer's for one right (rightId). includeFinished=true lists done ones too.");
        group.MapPost("/rights/{id:guid}/relief-claims", ClaimReliefAsync).RequireAuthorization(p => p.RequireRole(Roles.Holder))
            .DescribedAsJsonOrForm(typeof(ClaimRelief.Request), valuesAsFields: false)
            .WithSummary("The holder claims force majeure (ground 'forceMajeure', GS-10b) or a justified reason ('justifiedReason', GS-10c, mining milestones) for named duties, with the period, reason and evidence: as JSON, or as multipart/form-data with the same fields (duties repeated or comma-separated) and the evidence documents in 'files'. The authority decides through the claim's signals: accept (acceptedUntil, the whole period or less) or reject (reasons); the holder reports on resuming within 30 days (reportResumption, CN-INVEST).");
    }

    public static async Task<Ok<Page<ObligationView>>> ObligationsAsync(ObligationQueries queries, HttpContext context, CancellationToken ct,
        Guid? rightId = null, bool includeFinished = false, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), rightId, includeFinished, PageRequest.From(cursor, pageSize), ct));

    public static async Task<Created<InstanceView>> ClaimReliefAsync(Guid id, HttpRequest request, ClaimRelief handler, InstanceQueries instances, CancellationToken ct)
    {
        var user = request.HttpContext.Current();
        WorkflowInstance claim;
        if (request.HasFormContentType)
        {
            var form = await RequestBodies.ReadFormAsync(request, SignalInputs.FilesField, ct);
            claim = await handler.HandleAsync(id, ReliefClaimForm.Read(form, RequestBodies.AntiforgeryField), RequestBodies.Files(form, SignalInputs.FilesField), user, ct);
        }
        else
        {
            claim = await handler.HandleAsync(id, await RequestBodies.ReadJsonAsync<ClaimRelief.Request>(request, ct) ?? new ClaimRelief.Request(null, null, null, null, null, null), user, ct);
        }

        return TypedResults.Created($"/api/workflows/instances/{claim.Id}", await instances.GetAsync(user, claim.Id, ct));
    }

    /// <summary>A contract entered for a right, and the duties its clauses imply that were not started, with why.</summary>
    public sealed record EnteredContract(ContractView Contract, IReadOnlyList<string> NotStarted);

    public static async Task<Created<EnteredContract>> EnterAsync(Guid id, EnterContract.Request request, EnterContract handler, ContractQueries queries, HttpContext context, CancellationToken ct)
    {
        var entered = await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Created($"/api/contracts/{entered.Contract.Id}", new EnteredContract(await queries.GetAsync(context.Current(), entered.Contract.Id, ct), entered.NotStarted));
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
