using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Storage;

namespace MiningRights.Web.Security;

public static class AccountsExtensions
{
    public const string SmartScheme = "CookieOrBearer";

    /// <summary>
    /// ASP.NET Core Identity: cookies for the browser, bearer tokens for the API. Sign-ins are throttled and paused by
    /// <see cref="SignInGuard"/> rather than locking the account (see <see cref="PasswordSignIn"/>); Identity's own lockout
    /// is left to wrong current passwords on a password change, whose caller already holds a session.
    /// </summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => o.MaxFailedLogins >= 1 && o.LockoutMinutes >= 1, "Accounts:MaxFailedLogins and Accounts:LockoutMinutes must be at least 1.")
            .Validate(o => o.SignInsPerAddress >= 1 && o.SignInsPerUserName >= 1 && o.SignInWindowSeconds >= 1,
                "Accounts:SignInsPerAddress, Accounts:SignInsPerUserName and Accounts:SignInWindowSeconds must be at least 1.")
            .Validate(o => o.TokenHours >= 1 && o.OfficerIdleMinutes >= 1 && o.HolderIdleMinutes >= 1,
                "Accounts:TokenHours, Accounts:OfficerIdleMinutes and Accounts:HolderIdleMinutes must be at least 1.")
            .ValidateOnStart();

        builder.Services
            .AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MiningRightsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopedClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedLogins;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
        });

        AddKeyRing(builder.Services);
        builder.Services.AddScoped<ChangePassword>();
        builder.Services.AddScoped<LockAccount>();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddScoped<PasswordSignIn>();

        builder.Services
            .AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    CarriesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.HttpOnly = true;

                // The API answers 401/403 as ProblemDetails, never with a redirect to a login page; a page sends the
                // reader to the sign-in page and back.
                options.LoginPath = "/sign-in";
                options.Events.OnRedirectToLogin = context =>
                {
                    if (IsPage(context.Request))
                    {
                        context.Response.Redirect(context.RedirectUri);
                        return Task.CompletedTask;
                    }

                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };

                // The idle time is the ticket's own span, which every sliding renewal keeps: set here per role, it
                // follows the session to its end.
                options.Events.OnSigningIn = context =>
                {
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value;
                    var issued = context.Properties.IssuedUtc ?? context.Options.TimeProvider!.GetUtcNow();
                    context.Properties.ExpiresUtc = issued + IdleTime(context.Principal, accounts);
                    return Task.CompletedTask;
                };
            }));
        builder.Services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AccountOptions>>((bearer, accounts) =>
            bearer.BearerTokenExpiration = TimeSpan.FromHours(accounts.Value.TokenHours));
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>((cookie, accounts) =>
        {
            // Not the framework's 14 days: a session nobody uses dies after the idle time of its holder's role.
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Min(accounts.Value.OfficerIdleMinutes, accounts.Value.HolderIdleMinutes));
            cookie.SlidingExpiration = true;
        });

        // Deny by default: an endpoint that names no rule of its own still needs a signed-in user. The few that
        // anyone may call (sign-in, health, the API description) say so with AllowAnonymous.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
    }

    /// <summary>A request for a page (not the API, the health check or the API description), which a browser reads.</summary>
    public static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/health") && !request.Path.StartsWithSegments("/openapi");

    /// <summary>
    /// Cookies and bearer tokens are sealed with the data-protection keys. Kept in the data folder's <c>keys/</c>, they
    /// survive a restart and are shared by every instance started on that folder, so nobody is signed out by a deploy.
    /// The folder is read from the options when the key ring is first used, after every configuration source is in.
    /// </summary>
    private static void AddKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MiningRights");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(KeysDirectory(sp.GetRequiredService<IOptions<StorageOptions>>().Value)),
                sp.GetRequiredService<ILoggerFactory>())));
    }

    public static string KeysDirectory(StorageOptions storage) => Path.Combine(storage.FullDataDirectory, "keys");

    /// <summary>
    /// Between authentication and authorization: a principal whose account changed since sign-in counts as none, and a
    /// change to the API signed in by the cookie needs the antiforgery token.
    /// </summary>
    public static void UseAccountCheck(this WebApplication app)
    {
        app.UseMiddleware<AccountCheckMiddleware>();
        app.UseMiddleware<CookieApiAntiforgeryMiddleware>();
    }

    /// <summary>A holder's idle time for a holder alone; an officer's (the shorter by default) for anyone who is also, or only, something else.</summary>
    private static TimeSpan IdleTime(ClaimsPrincipal? principal, AccountOptions accounts) =>
        TimeSpan.FromMinutes(principal is not null && principal.IsInRole(Roles.Holder) && !Roles.All.Any(r => r != Roles.Holder && principal.IsInRole(r))
            ? accounts.HolderIdleMinutes
            : accounts.OfficerIdleMinutes);

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
