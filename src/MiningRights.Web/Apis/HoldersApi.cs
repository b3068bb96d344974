using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Web.ApiDocumentation;

namespace MiningRights.Web.Apis;

public static class HoldersApi
{
    /// <summary>A holder; <c>ContactEmails</c> is null for a caller who has no business writing to the holder.</summary>
    public sealed record HolderDto(Guid Id, string CreditCode, string NameZh, string NameEn, string Language, IReadOnlyList<string>? ContactEmails);

    public static void MapHoldersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/holders").WithTags("Holders").RequireAuthorization();
        group.MapPost("/", RegisterAsync).OfferedOn("/holders/new", "Register").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin))
            .WithSummary("Register a rights holder (矿业权人) by its unified social credit code.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithSummary("A holder: holders see only themselves; contact emails only for the holder, administrators and officers whose jurisdiction holds one of its rights.");
    }

    public static async Task<Created<HolderDto>> RegisterAsync(RegisterHolder.Request request, RegisterHolder handler, HttpContext context, CancellationToken ct)
    {
        var holder = await handler.HandleAsync(request, context.Current(), ct);

        // The registering officer has just entered the addresses: showing them back reveals nothing new.
        return TypedResults.Created($"/api/holders/{holder.Id}", ToDto(holder, withContacts: true));
    }

    public static async Task<Ok<HolderDto>> GetAsync(Guid id, MiningRightsDbContext db, RightAccess rights, HttpContext context, CancellationToken ct)
    {
        var user = context.Current();
        if (user.IsHolder && user.HolderId != id)
        {
            throw RefusalException.NotFound($"Holder {id}", $"矿业权人 {id}");
        }

        var holder = await db.Holders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw RefusalException.NotFound($"Holder {id}", $"矿业权人 {id}");
        return TypedResults.Ok(ToDto(holder, await MaySeeContactsAsync(user, id, rights, ct)));
    }

    /// <summary>
    /// Contact addresses are personal data: the holder and administrators see them, and an officer whose jurisdiction
    /// holds one of the holder's rights (by location county or registration authority), because it writes to them.
    /// </summary>
    private static async Task<bool> MaySeeContactsAsync(Actor user, Guid holderId, RightAccess rights, CancellationToken ct)
    {
        if (user.IsAdmin || (user.IsHolder && user.HolderId == holderId))
        {
            return true;
        }

        return user.IsOfficer && await (await rights.VisibleAsync(user, ct)).AnyAsync(r => r.HolderId == holderId, ct);
    }

    private static HolderDto ToDto(Holder h, bool withContacts) =>
        new(h.Id, h.CreditCode, h.NameZh, h.NameEn, h.Language, withContacts ? h.Contacts : null);
}
