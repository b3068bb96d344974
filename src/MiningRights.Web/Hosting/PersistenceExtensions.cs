using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Data.Sqlite;
using MiningRights.Storage;

namespace MiningRights.Web.Hosting;

public static class PersistenceExtensions
{
    /// <summary>The database named by <c>Database:Provider</c>. SQLite is the embedded default.</summary>
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{provider}' is not available. Only 'Sqlite' is built in: the SQL Server provider " +
                "(Microsoft.EntityFrameworkCore.SqlServer) cannot be restored from this project's package source; see README, Dependencies.");
        }

        builder.Services.AddDbContext<MiningRightsDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connection = builder.Configuration.GetConnectionString("MiningRights")
                ?? SqliteDatabase.ConnectionStringFor(storage.DataDirectory);
            options.UseMiningRightsSqlite(connection);

            // Interceptors registered in the container join the provider's own, e.g. a fault a test injects into one command.
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
    }
}
