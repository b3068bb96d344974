using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

public static class RightsApi
{
    public static void MapRightsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rights").WithTags("Rights").RequireAuthorization();
        group.MapPost("/", RegisterAsync).OfferedOn("/rights/new", "Register").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Register a right (新立登记); with a deferral, start its workflow (GS-9d, GS-9e).");
        group.MapGet("/", ListAsync).WithSummary("Rights visible to the caller in licence-number order; follow 'next' for the following page.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One right with its workflows and open deadlines.");
        group.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("The right's history: registrations, decisions and every workflow transition.");
    }

    public static async Task<Created<RightView>> RegisterAsync(RegisterRight.Request request, RegisterRight handler, RightQueries queries, HttpContext context, CancellationToken ct)
    {
        var user = context.Current();
        var right = await handler.HandleAsync(request, user, ct);
        return TypedResults.Created($"/api/rights/{right.Id}", (await queries.ViewsAsync([right], ct))[0]);
    }

    public static async Task<Ok<Page<RightView>>> ListAsync(
        RightQueries queries,
        HttpContext context,
        CancellationToken ct,
        string? cursor = null,
        int? pageSize = null,
        string? kind = null,
        string? status = null,
        Guid? holderId = null,
        string? county = null,
        string? licenseNumber = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(),
            new RightQueries.Filter(EnumText.Parse<RightKind>(kind, "kind"), EnumText.Parse<RightStatus>(status, "status"), holderId, county, licenseNumber),
            PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<RightView>> GetAsync(Guid id, RightQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));

    public static async Task<Ok<IReadOnlyList<HistoryEntry>>> HistoryAsync(Guid id, RightQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.HistoryAsync(context.Current(), id, ct));
}
