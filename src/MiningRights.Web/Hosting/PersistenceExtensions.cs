using Microsoft.EntityFrameworkCore.Diagnostics;
using MiningRights.Data;
using MiningRights.Data.Postgres;
using MiningRights.Data.Sqlite;
using MiningRights.Data.SqlServer;
using MiningRights.Storage;
using MiningRights.Scheduling;

namespace MiningRights.Web.Hosting;

public static class PersistenceExtensions
{
    /// <summary>
    /// The database named by <c>Database:Provider</c> (SQLite, the embedded default, PostgreSQL or SQL Server) with the connection
    /// string <c>ConnectionStrings:MiningRights</c>, and the scheduler, whose schedule is kept in that database when the
    /// service runs as several nodes. The only place that names a provider.
    /// </summary>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DatabaseProvider provider = options.Provider switch
        {
            _ when options.Provider.Equals(SqliteProvider.ProviderName, StringComparison.OrdinalIgnoreCase) => new SqliteProvider(),
            _ when options.Provider.Equals(PostgresProvider.ProviderName, StringComparison.OrdinalIgnoreCase) => new PostgresProvider(),
            _ when options.Provider.Equals(SqlServerProvider.ProviderName, StringComparison.OrdinalIgnoreCase) => new SqlServerProvider(),
            _ => throw new InvalidOperationException(
                $"Database:Provider '{options.Provider}' is not known: use '{SqliteProvider.ProviderName}' (embedded, the default), " +
                $"'{PostgresProvider.ProviderName}' (production, several nodes) or '{SqlServerProvider.ProviderName}'."),
        };

        var dataDirectory = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] ?? new StorageOptions().DataDirectory;
        var connectionString = builder.Configuration.GetConnectionString("MiningRights") is { Length: > 0 } configured
            ? configured
            : provider.DefaultConnectionString(dataDirectory)
                ?? throw new InvalidOperationException($"Database:Provider is {provider.Name}: set ConnectionStrings:MiningRights (for example Host=db;Database=miningrights;Username=miningrights;Password=...).");

        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(provider);
        builder.Services.AddDbContext<MiningRightsDbContext>((sp, db) =>
        {
            provider.Configure(db, connectionString);

            // Interceptors registered in the container join the provider's own, e.g. a fault a test injects into one command.
            db.AddInterceptors(sp.GetServices<IInterceptor>());
        });

        // Clustered, each process is one job server of one schedule kept in the shared database.
        builder.Services.AddSchedules(options.Clustered ?? provider.ClusteredByDefault ? provider.SharedSchedule(connectionString) : null);
    }
}
