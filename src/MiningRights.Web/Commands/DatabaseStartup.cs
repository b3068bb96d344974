using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Web.Demo;
using MiningRights.Workflows;

namespace MiningRights.Web.Commands;

public static class DatabaseStartup
{
    /// <summary>
    /// Before the service listens: the workflow files are loaded and checked (a bad file stops the start with file,
    /// JSON path and reason), the data folder exists, migrations are applied, roles and reference data are present,
    /// and in demo mode the demo data is seeded.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiningRights.Startup");
        try
        {
            var policies = app.Services.GetRequiredService<Policies.PolicyBook>();
            logger.LogInformation("Rulebooks loaded: {Rulebooks}", string.Join(", ", policies.Rulebooks.Select(r => $"{r.Rulebook.Id} ({r.File}, sha256 {r.ContentHash[..12]})")));
        }
        catch (Policies.RulebookException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            throw;
        }

        try
        {
            var registry = app.Services.GetRequiredService<WorkflowRegistry>();
            logger.LogInformation("Workflows loaded: {Workflows}", string.Join(", ", registry.Definitions.Select(d => $"{d.Definition.Id} v{d.Definition.Version} ({d.File})")));
        }
        catch (WorkflowDefinitionException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            throw;
        }

        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.FullDataDirectory);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var provider = app.Services.GetRequiredService<DatabaseProvider>();
        await EnsureReachableAsync(db, logger);
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateAtStart ?? provider.MigratesAtStartByDefault)
        {
            await MigrateAsync(db, provider, logger);
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Apply them with " +
                "`dotnet MiningRights.Web.dll migrate` (from source: dotnet run --project src/MiningRights.Web -- migrate), " +
                "or set Database:MigrateAtStart to true.");
        }

        await provider.PrepareAsync(db, CancellationToken.None);

        // Nodes starting together each make sure the reference data is there; one of them wins each row, and the others
        // find it there on a second look.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var reference = app.Services.CreateAsyncScope();
                await EnsureReferenceDataAsync(reference.ServiceProvider, app.Configuration, logger);
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3 && provider.IsConflict(ex))
            {
                logger.LogInformation("Reference data was being created by another node at the same time; looking again");
            }
        }

        // The product's rulebooks are kept under their hash (what citations are pinned to); those an administrator added come into force.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var rulebooks = app.Services.CreateAsyncScope();
                await rulebooks.ServiceProvider.GetRequiredService<Policies.RulebookStore>().SyncAsync(CancellationToken.None);
                break;
            }
            catch (DbUpdateException ex) when (attempt < 3 && provider.IsConflict(ex))
            {
                logger.LogInformation("Rulebooks were being stored by another node at the same time; looking again");
            }
        }

        // Ground from before overlaps were kept, or written straight into the database, gets its overlaps now, before the
        // first view of the pool needs them; nodes starting together take turns and each finds the others' work done.
        await using (var ground = app.Services.CreateAsyncScope())
        {
            var recorded = await ground.ServiceProvider.GetRequiredService<GroundCheck>().RecordPendingAsync(CancellationToken.None);
            if (recorded > 0)
            {
                logger.LogInformation("Ground: the overlaps of {Count} footprint(s) written without them were recorded", recorded);
            }
        }

        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            await DemoData.SeedAsync(scope.ServiceProvider, storage, app.Environment.IsDevelopment(), logger);
        }

        await WarnWithoutAdministratorAsync(scope.ServiceProvider, logger);
    }

    /// <summary>
    /// The <c>migrate</c> command: applies the pending migrations of the configured database and returns, without
    /// starting the service. Several nodes may run it at once: EF Core takes a lock on the migrations history.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MiningRights.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var provider = app.Services.GetRequiredService<DatabaseProvider>();
        await EnsureReachableAsync(db, logger);
        await MigrateAsync(db, provider, logger);
        await provider.PrepareAsync(db, CancellationToken.None);
    }

    /// <summary>
    /// Opens one connection before anything else, so a database that is missing, unreachable or refusing the credentials
    /// stops the start with what was tried and why, rather than with the first query's stack trace.
    /// </summary>
    private static async Task EnsureReachableAsync(MiningRightsDbContext db, ILogger logger)
    {
        try
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (Unreachable(ex) is { } reason)
        {
            var connection = db.Database.GetDbConnection();
            var message = $"The database cannot be reached ({db.Database.ProviderName}, server '{connection.DataSource}', database '{connection.Database}'): {reason.Message} " +
                "Check ConnectionStrings:MiningRights and that the database server is running; the service does not start without its database.";
            logger.LogCritical("{Message}", message);
            throw new InvalidOperationException(message, ex);
        }
    }

    /// <summary>The database's own error within <paramref name="ex"/> (a retrying strategy wraps it), or null for anything else.</summary>
    private static Exception? Unreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException or IOException)
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The service's own migrations, then the shared schedule's tables (made and versioned by the job library).</summary>
    private static async Task MigrateAsync(MiningRightsDbContext db, DatabaseProvider provider, ILogger logger)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        logger.LogInformation("Database {Provider}: {Count} migration(s) applied{List}", db.Database.ProviderName, pending.Count,
            pending.Count == 0 ? string.Empty : ": " + string.Join(", ", pending));
        provider.InstallSharedSchedule(db.Database.GetConnectionString()!);
    }

    /// <summary>The jurisdiction tree, the roles and the first administrator, each created only when missing.</summary>
    private static async Task EnsureReferenceDataAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await JurisdictionCatalog.EnsureAsync(services.GetRequiredService<MiningRightsDbContext>(), CancellationToken.None);
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await BootstrapAdminAsync(configuration, services.GetRequiredService<UserManager<ApplicationUser>>(), logger);
    }

    /// <summary>Said at every start that finds none (after the demo data, which brings its own): nobody could make accounts.</summary>
    private static async Task WarnWithoutAdministratorAsync(IServiceProvider services, ILogger logger)
    {
        if ((await services.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            logger.LogWarning(
                "No administrator account exists, so nobody can create accounts or run the administration. Set Accounts:AdminUserName and " +
                "Accounts:AdminPassword (as environment variables Accounts__AdminUserName and Accounts__AdminPassword) and start the service again: " +
                "the account is created at start.");
        }
    }

    /// <summary>In production the first administrator comes from <c>Accounts:AdminUserName</c> and <c>Accounts:AdminPassword</c>.</summary>
    private static async Task BootstrapAdminAsync(IConfiguration configuration, UserManager<ApplicationUser> users, ILogger logger)
    {
        var name = configuration["Accounts:AdminUserName"];
        var password = configuration["Accounts:AdminPassword"];
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || await users.FindByNameAsync(name) is not null)
        {
            return;
        }

        var admin = new ApplicationUser { UserName = name, DisplayName = "Administrator", Language = "en" };
        var result = await users.CreateAsync(admin, password);

        // Several nodes started together from one configuration: the first creates the account, the others find it.
        if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) && await users.FindByNameAsync(name) is not null)
        {
            logger.LogInformation("Administrator account {Name} was created by another node at the same time", name);
            return;
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Accounts:AdminPassword was refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Administrator account {Name} created", name);
    }
}
