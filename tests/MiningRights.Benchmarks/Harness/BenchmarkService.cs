using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// The service's own parts (the container of <c>AddMiningRights</c>) on a fresh, migrated database (a SQLite file, or
/// a PostgreSQL database dropped by <paramref name="dropDatabase"/>); removed when disposed.
/// </summary>
public sealed class BenchmarkService(ServiceProvider services, string dataDirectory, string connectionString, Func<Task>? dropDatabase) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The database, for service processes started on it.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// The environment of a service process (<see cref="ServiceNode"/>) started on this database, with its first
    /// administrator: on PostgreSQL the database already migrated and the node's files in a folder of their own; on
    /// SQLite the file the harness seeded, in the data folder it was written to.
    /// </summary>
    public Dictionary<string, string> NodeSettings(bool onPostgres, string adminUserName, string adminPassword)
    {
        var values = new Dictionary<string, string>
        {
            ["Accounts__AdminUserName"] = adminUserName,
            ["Accounts__AdminPassword"] = adminPassword,
        };
        if (onPostgres)
        {
            values["Database__Provider"] = "Postgres";
            values["ConnectionStrings__MiningRights"] = ConnectionString;
            values["Database__MigrateAtStart"] = "false";
            values["Storage__DataDirectory"] = Path.Combine(DataDirectory, "node");
        }
        else
        {
            values["Database__Provider"] = "Sqlite";
            values["Storage__DataDirectory"] = DataDirectory;
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (dropDatabase is not null)
        {
            await dropDatabase();
        }

        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
