using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Hosting;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

public static class DeadlinesApi
{
    public static void MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadlines").WithTags("Deadlines").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Open deadlines of what the caller may see, soonest first (a holder: its upcoming deadlines).");
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/extension", ExtendAsync).OfferedOn("/deadlines/{id:guid}/extension", "Extend").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Move a due date (force majeure, justified reason, rectification): new date or period, reason and rule. The holder is told.");
        group.MapGet("/parked", ParkedAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Deadlines the sweep parked after repeated errors.");
        group.MapPost("/{id:guid}/retry", RetryAsync).OfferedOn("/admin", "RetryDeadline").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Put a parked deadline back in the sweep.");
    }

    public static async Task<Ok<Page<DeadlineView>>> ListAsync(DeadlineQueries queries, HttpContext context, CancellationToken ct, int? withinDays = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), withinDays, PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<DeadlineView>> GetAsync(Guid id, DeadlineQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));

    public static async Task<Ok<DeadlineView>> ExtendAsync(Guid id, ExtendDeadline.Request request, ExtendDeadline handler, DeadlineQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, request, context.Current(), ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
    }

    public static async Task<Ok<IReadOnlyList<DeadlineView>>> ParkedAsync(DeadlineQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ParkedAsync(ct));

    public static async Task<Ok<DeadlineView>> RetryAsync(Guid id, RetryParkedDeadline handler, DeadlineQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
    }
}
