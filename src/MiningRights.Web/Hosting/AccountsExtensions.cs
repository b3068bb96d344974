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

namespace MiningRights.Web.Hosting;

public static class AccountsExtensions
{
    public const string SmartScheme = "CookieOrBearer";

    /// <summary>ASP.NET Core Identity: cookies for the browser, bearer tokens for the API, lockout after repeated failures.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedLogins", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<MiningRightsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopedClaimsFactory>()
            .AddDefaultTokenProviders();

        AddKeyRing(builder.Services);
        builder.Services.AddScoped<ChangePassword>();
        builder.Services.AddScoped<LockAccount>();

        builder.Services
            .AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    CarriesBearerToken(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(builder.Configuration.GetValue("Accounts:TokenHours", 8)))
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
            }));

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

    /// <summary>Between authentication and authorization: a principal whose account changed since sign-in counts as none.</summary>
    public static void UseAccountCheck(this WebApplication app) => app.UseMiddleware<AccountCheckMiddleware>();

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
