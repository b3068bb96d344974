using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Overview;

namespace MiningRights.Web.Apis;

/// <summary>The officers' overview as JSON: the same figures as <c>/officer/overview</c>, from the same use case.</summary>
public static class OverviewApi
{
    public static void MapOverviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/overview").WithTags("Overview").RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Authority));
        group.MapGet("/", GetAsync).WithSummary(
            "The overview of the caller's jurisdiction, or of one city or county of it (place=code): rights by status and kind and by place, " +
            "duties due within 30 and 90 days, overdue duties by county, cases by stage, expiries by month for 24 months and renewals not applied for. " +
            "A place outside the jurisdiction is not found.");
    }

    public static async Task<Ok<OfficerOverview>> GetAsync(OverviewQueries overview, HttpContext context, CancellationToken ct, string? place = null) =>
        TypedResults.Ok(await overview.ForAsync(context.Current(), string.IsNullOrEmpty(place) ? null : place, ct));
}
