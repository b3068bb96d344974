using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Web.Apis;

public static class JurisdictionsApi
{
    public sealed record JurisdictionDto(string Code, string? ParentCode, JurisdictionLevel Level, string NameZh, string NameEn);

    public static void MapJurisdictionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/jurisdictions").WithTags("Jurisdictions").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("The jurisdiction tree: province, city (市州), county (县/区).");
    }

    public static async Task<Ok<List<JurisdictionDto>>> ListAsync(MiningRightsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Jurisdictions.OrderBy(j => j.Code)
            .Select(j => new JurisdictionDto(j.Code, j.ParentCode, j.Level, j.NameZh, j.NameEn)).ToListAsync(ct));
}
