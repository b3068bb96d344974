using MiningRights.Composition;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Apis;
using MiningRights.Web.Commands;
using MiningRights.Web.Demo;
using MiningRights.Web.Hosting;
using MiningRights.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMiningRights();
builder.AddDemoClock();
builder.AddPersistence();
builder.AddAccounts();
builder.AddServiceAddress();
builder.AddApi();
builder.AddHealth();
builder.AddPages();

var app = builder.Build();

// `migrate`: bring the database up to date and stop, without serving (production runs it before starting the nodes).
if (args.Length > 0 && args[0] == "migrate")
{
    await app.MigrateDatabaseAsync();
    return 0;
}

// `verify-audit`: check the audit trail's hash chain, name the first broken entry, and stop (exit code 1 when broken).
if (args.Length > 0 && args[0] == "verify-audit")
{
    return await app.VerifyAuditAsync(Console.Out);
}

// `backup DIR`: an online, consistent copy of the embedded database and the uploaded files, while the service runs.
if (args.Length > 0 && args[0] == "backup")
{
    return await app.BackupAsync(args.Length > 1 ? args[1] : null, Console.Out);
}

await app.PrepareDatabaseAsync();

app.UseServiceAddress();
app.UseApi();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAccountCheck();
app.UseApiDescription();
app.UseAuthorization();

app.MapHealth();
app.MapAuthApi();
app.MapAccountsApi();
app.MapJurisdictionsApi();
app.MapHoldersApi();
app.MapRightsApi();
app.MapImportsApi();
app.MapPlansApi();
app.MapDeadlinesApi();
app.MapCasesApi();
app.MapOverviewApi();
app.MapListingApi();
app.MapContractsApi();
app.MapVerificationApi();
app.MapCalendarApi();
app.MapWorkflowsApi();
app.MapNotificationsApi();
app.MapPoliciesApi();
app.MapAdminApi();
app.MapJobDashboard();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program
{
}
