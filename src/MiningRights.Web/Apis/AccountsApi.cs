using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;

namespace MiningRights.Web.Apis;

public static class AccountsApi
{
    public sealed record AccountCreated(string Id, string UserName, string Role, Guid? HolderId, string? JurisdictionCode);

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/", CreateAsync).WithSummary("Create an account in one role (administrators only).");
    }

    public static async Task<Created<AccountCreated>> CreateAsync(CreateAccount.Request request, CreateAccount handler, CancellationToken ct)
    {
        var user = await handler.HandleAsync(request, ct);
        return TypedResults.Created($"/api/accounts/{user.Id}", new AccountCreated(user.Id, user.UserName!, request.Role!, user.HolderId, user.JurisdictionCode));
    }
}
