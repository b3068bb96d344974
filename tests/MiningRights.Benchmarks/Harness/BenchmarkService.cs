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
