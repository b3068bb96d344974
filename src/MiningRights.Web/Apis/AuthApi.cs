using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MiningRights.Accounts;

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
        group.MapPost("/login", LoginAsync).AllowAnonymous()
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Sign in. Returns a bearer token (or sets the cookie with ?useCookies=true). Locks the account after repeated failures.");
        group.MapGet("/me", MeAsync).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization()
            .WithSummary("Change your own password. Every token and cookie issued before stops working: sign in again.");
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        bool? useCookies,
        SignInManager<ApplicationUser> signIn,
        ILoggerFactory loggers,
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

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        var logger = loggers.CreateLogger("MiningRights.Auth");
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (result.Succeeded)
        {
            // The sign-in handler has written the token (or the cookie).
            logger.LogInformation("Signed in (API): {User} from {Address}", request.UserName, address);
            return TypedResults.Empty;
        }

        logger.LogWarning("Sign-in failed (API): {User} from {Address}: {Reason}", request.UserName, address, result.IsLockedOut ? "locked out" : "bad credentials");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: result.IsLockedOut ? "Account locked" : "Sign-in failed",
            detail: result.IsLockedOut
                ? "Too many failed attempts: the account is locked for a while. 登录失败次数过多，账户已暂时锁定。"
                : "User name or password is wrong. 用户名或密码错误。");
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
