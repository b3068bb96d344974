using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Web.Security;

/// <summary>
/// Signing in and out with a password, for the API and the sign-in page alike. Every refused attempt costs one password
/// hash, whether the account exists, is locked or not, so neither the answer nor its time tells an account apart from
/// no account. Failures are never written to the account (no lockout an anonymous caller can set off, no database write
/// that only existing accounts get): <see cref="SignInGuard"/> throttles and pauses instead.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, SignInGuard guard, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("MiningRights.Auth");

    /// <param name="scheme">Where the sign-in is written: the bearer token or the cookie.</param>
    /// <param name="channel">Who asked, for the log: "API" or "page".</param>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string scheme, string channel, HttpContext context)
    {
        var users = signIn.UserManager;
        var shownAddress = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var address = SignInGuard.AddressOf(context.Connection.RemoteIpAddress);
        var name = users.NormalizeName(userName) ?? userName;

        if (guard.Throttle(address, name) is { } retryAfter)
        {
            _logger.LogWarning("Sign-in throttled ({Channel}): {User} from {Address}, retry after {Seconds} s", channel, userName, shownAddress, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return new SignInOutcome(SignInVerdict.Throttled, retryAfter);
        }

        if (!guard.TryBeginCheck(name, address))
        {
            _logger.LogWarning("Sign-in failed ({Channel}): {User} from {Address}: paused after repeated failures from this address, password not checked", channel, userName, shownAddress);
            return SignInOutcome.Refused;
        }

        var user = await users.FindByNameAsync(userName);
        var reason = user is null ? "unknown user"
            : !await signIn.CanSignInAsync(user) ? "not allowed to sign in"
            : await users.IsLockedOutAsync(user) ? "account locked"
            : null;
        if (reason is not null)
        {
            guard.CheckAgainstNobody(users.PasswordHasher, password);
        }
        else if (!await users.CheckPasswordAsync(user!, password))
        {
            reason = "wrong password";
        }

        if (reason is not null)
        {
            _logger.LogWarning("Sign-in failed ({Channel}): {User} from {Address}: {Reason}", channel, userName, shownAddress, reason);
            return SignInOutcome.Refused;
        }

        guard.Succeeded(name, address);

        // Wrong current passwords on a password change count towards the account's own lock; a sign-in clears them.
        await users.ResetAccessFailedCountAsync(user!);
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim("amr", "pwd")]);
        _logger.LogInformation("Signed in ({Channel}): {User} from {Address}", channel, userName, shownAddress);
        return SignInOutcome.SignedIn;
    }

    /// <summary>
    /// Ends every session of the signed-in account: its security stamp is renewed, which <see cref="AccountCheckMiddleware"/>
    /// compares on every request, so each token and cookie issued before (on any device) stops working at once.
    /// </summary>
    public async Task SignOutAsync(string channel, HttpContext context)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(context.User) is { } user)
        {
            var ended = await users.UpdateSecurityStampAsync(user);
            if (!ended.Succeeded)
            {
                throw RefusalException.Conflict(
                    "The account changed at the same moment, so the sign-out was not recorded: sign out again.",
                    "账户同时发生了其他变更，本次退出未能记录，请再次退出登录。");
            }

            _logger.LogInformation("Signed out ({Channel}): {User} from {Address}; every session of the account ended", channel, user.UserName, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        }

        await signIn.SignOutAsync();
    }
}
