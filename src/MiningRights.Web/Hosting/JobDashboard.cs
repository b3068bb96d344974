using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using MiningRights.Accounts;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Hosting;

/// <summary>
/// The job scheduler's own dashboard (Hangfire's): every recurring job with its schedule, next run and "trigger now",
/// each run with its node, duration, result or failure, and the job servers. Administrators only, behind the service's
/// sign-in: anonymous readers are sent to sign in, other roles are refused (403). Shown in Chinese or English as the
/// service's pages are.
/// </summary>
public static class JobDashboard
{
    public const string Path = "/admin/jobs";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static void MapJobDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use((context, next) =>
        {
            var ui = context.RequestServices.GetRequiredService<Ui>();
            CultureInfo.CurrentUICulture = ui.IsEnglish ? English : Chinese;
            return next(context);
        }));

        var options = new DashboardOptions
        {
            AppPath = "/admin",
            DashboardTitle = "矿业权管理系统 · 作业面板 Mining Rights Service · Job dashboard",
            DisplayStorageConnectionString = false,
            Authorization = [new AdministratorsOnly()],
        };
        app.MapHangfireDashboard(Path, options, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithMetadata(new BrowserPage());
    }

    /// <summary>
    /// Marks an endpoint that serves pages to a browser though it is none of the service's Razor pages: signed out, its
    /// reader is sent to sign in (as on every page) rather than answered 401 as an API caller is.
    /// </summary>
    public sealed class BrowserPage;

    /// <summary>The dashboard's own check, behind the endpoint's authorization: only administrators.</summary>
    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
