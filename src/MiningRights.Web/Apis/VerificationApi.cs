using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Verification;
using MiningRights.Web.ApiDocumentation;

namespace MiningRights.Web.Apis;

/// <summary>Quarterly verification of rights nearing expiry (GS-9b, GS-9c): running it, batches, tasks.</summary>
public static class VerificationApi
{
    /// <summary>What a run did to one batch: the batch as it is now, whether the run opened it, and how many rights it added.</summary>
    public sealed record RunOutcome(BatchView Batch, bool Created, int Added);

    public static void MapVerificationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/verification").WithTags("Verification")
            .RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Inspector, Roles.Admin));
        group.MapPost("/batches/run", RunAsync).ApiOnly("the quarterly verification job makes the batches; an administrator runs it now on /admin (run now)").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Run the quarterly verification now, as the quarterly job does, for the batches of your jurisdiction and below (an administrator: all): rights in force expiring in the window are gathered, one batch per registration authority; run again, only rights that were missing are added.");
        group.MapGet("/batches", BatchesAsync).WithSummary("Verification batches of your jurisdiction and below, newest quarter first (quarter=2025-Q3 for one).");
        group.MapGet("/batches/{id:guid}", BatchAsync).WithSummary("A batch with every task: the right, its county, where the result goes, the state, the result and the due date.");
        group.MapGet("/tasks", TasksAsync).WithSummary("Verification tasks you see (a county officer: its county's), by licence number, keyset-paged; batchId for one batch. Results are recorded, accepted and sent back through the task's workflow signals (record, accept, return).");
        group.MapGet("/tasks/{id:guid}", TaskAsync).WithSummary("One verification task.");
    }

    public static async Task<Ok<List<RunOutcome>>> RunAsync(QuarterlyVerification verification, VerificationQueries queries, Access access,
        HttpContext context, CancellationToken ct)
    {
        var user = context.Current();
        var owners = user.IsAdmin ? null : await access.PlacesSeenAsync(user, ct) ?? [];
        var outcomes = await verification.RunAsync(owners, user, ct, onDemand: true);
        var views = (await queries.BatchesAsync(user, null, ct)).ToDictionary(b => b.Id);
        return TypedResults.Ok(outcomes.Select(o => new RunOutcome(views[o.Batch.Id], o.Created, o.Added)).ToList());
    }

    public static async Task<Ok<IReadOnlyList<BatchView>>> BatchesAsync(VerificationQueries queries, HttpContext context, CancellationToken ct, string? quarter = null) =>
        TypedResults.Ok(await queries.BatchesAsync(context.Current(), quarter, ct));

    public static async Task<Ok<BatchDetail>> BatchAsync(Guid id, VerificationQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.BatchAsync(context.Current(), id, ct));

    public static async Task<Ok<Page<TaskView>>> TasksAsync(VerificationQueries queries, HttpContext context, CancellationToken ct,
        Guid? batchId = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.TasksAsync(context.Current(), batchId, PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<TaskView>> TaskAsync(Guid id, VerificationQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.TaskAsync(context.Current(), id, ct));
}
