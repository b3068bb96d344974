using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using MiningRights.Accounts;
using MiningRights.Data;

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

                // The API answers 401/403 as ProblemDetails, never with a redirect to a login page.
                options.Events.OnRedirectToLogin = context =>
                {
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

    /// <summary>Between authentication and authorization: a principal whose account changed since sign-in counts as none.</summary>
    public static void UseAccountCheck(this WebApplication app) => app.UseMiddleware<AccountCheckMiddleware>();

    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
