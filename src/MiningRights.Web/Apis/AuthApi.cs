using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Hosting;
using MiningRights.Web.Security;

namespace MiningRights.Web.Apis;

public static class AuthApi
{
    /// <summary>Longer than <see cref="AccountLimits.UserName"/>: the first administrator's name comes from the settings, unchecked.</summary>
    private const int MaxLoginUserName = 256;

    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record Me(string UserName, string DisplayName, IReadOnlyCollection<string> Roles, Guid? HolderId, string? JurisdictionCode, string Language);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        // The sign-in handler writes the token itself, and a wrong password is this endpoint's own 401: both shown here.
        group.MapPost("/login", LoginAsync).ApiOnly("the sign-in page posts its own form to /sign-in, which signs in with a cookie instead of a token").AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in. Returns a bearer token (or sets the cookie with ?useCookies=true). Every refusal (wrong password, unknown user, locked account, sign-ins paused after repeated failures from your address) is the same 401; too many attempts from one address or for one user name are 429 with Retry-After.");
        group.MapPost("/logout", LogoutAsync).ApiOnly("the sign-out page posts its own form to /sign-out, which ends the cookie session").RequireAuthorization()
            .WithSummary("Sign out (204): every session of your account ends at once, this bearer token or cookie and every other one issued to the account on any device. With the cookie, send the antiforgery token.");
        group.MapGet("/me", MeAsync).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).OfferedOn("/password").RequireAuthorization()
            .WithSummary("Change your own password. Every token and cookie issued before stops working: sign in again.");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        bool? useCookies,
        PasswordSignIn signIn,
        IOptions<AccountOptions> accounts,
        HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            throw RefusalException.Invalid("userName", "User name and password are required.", "用户名和密码为必填项。");
        }

        // Refused before the password is hashed: no account has longer ones.
        if (request.UserName.Length > MaxLoginUserName || request.Password.Length > AccountLimits.Password)
        {
            throw RefusalException.Invalid(request.Password.Length > AccountLimits.Password ? "password" : "userName",
                $"A user name has at most {MaxLoginUserName} characters and a password at most {AccountLimits.Password}.",
                $"用户名最多 {MaxLoginUserName} 个字符，密码最多 {AccountLimits.Password} 个字符。");
        }

        var scheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var outcome = await signIn.SignInAsync(request.UserName, request.Password, scheme, "API", context);
        switch (outcome.Verdict)
        {
            case SignInVerdict.SignedIn:
                // The sign-in handler has written the token (or the cookie).
                return TypedResults.Empty;
            case SignInVerdict.Throttled:
                context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(SignInRefusals.Throttled(outcome));
            default:
                return TypedResults.Problem(SignInRefusals.Failed(accounts.Value));
        }
    }

    public static async Task<NoContent> LogoutAsync(PasswordSignIn signIn, HttpContext context)
    {
        await signIn.SignOutAsync("API", context);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ChangePasswordAsync(ChangePassword.Request request, ChangePassword handler, HttpContext context)
    {
        await handler.HandleAsync(context.Current(), request);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Me>> MeAsync(HttpContext context, UserManager<ApplicationUser> users)
    {
        var user = await users.GetUserAsync(context.User) ?? throw RefusalException.NotFound("The account", "该账户");
        var current = context.Current();
        return TypedResults.Ok(new Me(user.UserName!, user.DisplayName, current.Roles, user.HolderId, user.JurisdictionCode, user.Language));
    }
}
