using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Web.Apis;

public static class HoldersApi
{
    public sealed record HolderDto(Guid Id, string CreditCode, string NameZh, string NameEn, string Language, IReadOnlyList<string> ContactEmails);

    public static void MapHoldersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/holders").WithTags("Holders").RequireAuthorization();
        group.MapPost("/", RegisterAsync).RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Register a rights holder (矿业权人) by its unified social credit code.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A holder: holders see only themselves.");
    }

    public static async Task<Created<HolderDto>> RegisterAsync(RegisterHolder.Request request, RegisterHolder handler, HttpContext context, CancellationToken ct)
    {
        var holder = await handler.HandleAsync(request, context.Current(), ct);
        return TypedResults.Created($"/api/holders/{holder.Id}", ToDto(holder));
    }

    public static async Task<Ok<HolderDto>> GetAsync(Guid id, MiningRightsDbContext db, HttpContext context, CancellationToken ct)
    {
        var user = context.Current();
        if (user.IsHolder && user.HolderId != id)
        {
            throw RefusalException.NotFound($"Holder {id}");
        }

        var holder = await db.Holders.SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw RefusalException.NotFound($"Holder {id}");
        return TypedResults.Ok(ToDto(holder));
    }

    private static HolderDto ToDto(Holder h) => new(h.Id, h.CreditCode, h.NameZh, h.NameEn, h.Language, h.Contacts);
}
