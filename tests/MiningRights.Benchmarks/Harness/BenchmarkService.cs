using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Benchmarks.Harness;

/// <summary>The service's own parts (the container of <c>AddMiningRights</c>) on a fresh, migrated SQLite file; removed when disposed.</summary>
public sealed class BenchmarkService(ServiceProvider services, string dataDirectory) : IAsyncDisposable
{
    public IServiceProvider Services => services;

    public string DataDirectory { get; } = dataDirectory;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();

        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
