using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Paging;

namespace MiningRights.Web.Apis;

public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Authority, Roles.Admin));
        group.MapGet("/", ListAsync).WithSummary("The case queue of the caller's jurisdiction: most serious first, then oldest. Work a case through its workflow instance's signals.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with the right's whole history.");
    }

    public static async Task<Ok<Page<CaseView>>> ListAsync(CaseQueries queries, HttpContext context, CancellationToken ct, string? status = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), EnumText.Parse<CaseStatus>(status, "status"), PageRequest.From(cursor, pageSize), ct));

    public static async Task<Ok<CaseDetail>> GetAsync(Guid id, CaseQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
}
