using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Web.Security;

/// <summary>
/// A bearer token is a sealed copy of the principal at sign-in, and the cookie is only re-checked every half hour:
/// left alone, both would outlive a changed password, a lockout or a deleted account for hours. So on every
/// authenticated request the account is read again (nothing is cached) and the principal's security stamp compared
/// with the stored one; a stale principal is treated as no principal, which the authorization layer answers with 401.
/// </summary>
public sealed class AccountCheckMiddleware(RequestDelegate next, ILogger<AccountCheckMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<ApplicationUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var user = await signIn.ValidateSecurityStampAsync(context.User);
            var reason = user is null ? "account deleted or password changed since sign-in"
                : await signIn.UserManager.IsLockedOutAsync(user) ? "account locked"
                : null;
            if (reason is not null)
            {
                logger.LogWarning("Sign-in no longer valid for {User} ({Reason}): {Method} {Path}", context.User.Identity.Name, reason, context.Request.Method, context.Request.Path);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!AccountsExtensions.CarriesBearerToken(context.Request))
                {
                    // Tell the browser to drop the cookie rather than send it again with every request.
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
        }

        await next(context);
    }
}
