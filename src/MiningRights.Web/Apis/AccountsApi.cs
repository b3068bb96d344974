using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Web.ApiDocumentation;

namespace MiningRights.Web.Apis;

public static class AccountsApi
{
    public sealed record AccountCreated(string Id, string UserName, string Role, Guid? HolderId, string? JurisdictionCode);

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", ListAsync).WithSummary($"Every account (at most {AccountQueries.MaxShown}, by user name): role, holder or jurisdiction, whether locked.");
        group.MapPost("/", CreateAsync).OfferedOn("/admin", "CreateAccount").WithSummary("Create an account in one role (administrators only).");
        group.MapPost("/{id}/lock", LockAsync).OfferedOn("/admin", "Lock")
            .WithSummary("Lock an account until it is unlocked: its sign-ins are refused and its tokens and cookies stop working at once.");
        group.MapPost("/{id}/unlock", UnlockAsync).OfferedOn("/admin", "Lock")
            .WithSummary("Unlock an account. Tokens issued before the lock stay invalid: the person signs in again.");
    }

    public static async Task<Ok<IReadOnlyList<AccountQueries.AccountView>>> ListAsync(AccountQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Created<AccountCreated>> CreateAsync(CreateAccount.Request request, CreateAccount handler, CancellationToken ct)
    {
        var user = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/accounts/{user.Id}", new AccountCreated(user.Id, user.UserName!, request.Role!, user.HolderId, user.JurisdictionCode));
    }

    public static async Task<NoContent> LockAsync(string id, LockAccount handler, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, locked: true, context.Current(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnlockAsync(string id, LockAccount handler, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, locked: false, context.Current(), ct);
        return TypedResults.NoContent();
    }
}
