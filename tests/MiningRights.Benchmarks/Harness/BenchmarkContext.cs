using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Accounts;
using MiningRights.Composition;
using MiningRights.Data.Postgres;
using MiningRights.Data.Sqlite;
using MiningRights.Data;
using MiningRights.Rights;
using Npgsql;

namespace MiningRights.Benchmarks.Harness;

/// <summary>What every scenario shares: the settings, the repository, the mail sink, and fresh service instances.</summary>
public sealed class BenchmarkContext(BenchmarkSettings settings, string repositoryRoot) : IAsyncDisposable
{
    private MailSink? _mail;

    public BenchmarkSettings Settings { get; } = settings;

    public string RepositoryRoot { get; } = repositoryRoot;

    /// <summary>The SMTP server, started the first time a scenario asks for it.</summary>
    public async Task<MailSink> MailAsync(CancellationToken ct) => _mail ??= await MailSink.ConnectAsync(RepositoryRoot, ct);

    /// <summary>
    /// The service's parts wired as the host wires them (<c>AddMiningRights</c>, the provider of <c>--provider</c> on a
    /// fresh SQLite file or PostgreSQL database through the real migrations), without the web host and without starting
    /// the scheduler, so a scenario drives the work itself.
    /// </summary>
    public async Task<BenchmarkService> CreateServiceAsync(
        IReadOnlyDictionary<string, string?> configuration,
        Action<IServiceCollection>? configure,
        CancellationToken ct)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "miningrights-bench", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Workflows:Directory"] = Path.Combine(RepositoryRoot, "workflows"),
        };
        foreach (var (key, value) in configuration)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddMiningRights();
        DatabaseProvider database;
        string connectionString;
        string? postgresDatabase = null;
        if (Settings.OnPostgres)
        {
            var server = Settings.PostgresServer ?? throw new InvalidOperationException("--provider postgres needs --postgres or MININGRIGHTS_TEST_POSTGRES.");
            postgresDatabase = "bench_" + Guid.NewGuid().ToString("N");
            await PostgresServer.ExecuteAsync(server, $"CREATE DATABASE \"{postgresDatabase}\"", ct);
            database = new PostgresProvider();
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString;
        }
        else
        {
            database = new SqliteProvider();
            connectionString = SqliteProvider.ConnectionStringFor(dataDirectory);
        }

        services.AddSingleton(database);
        services.AddDbContext<MiningRightsDbContext>(options => database.Configure(options, connectionString));
        configure?.Invoke(services);

        Directory.CreateDirectory(dataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var service = new BenchmarkService(provider, dataDirectory, connectionString, postgresDatabase is null
            ? null
            : async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresServer.ExecuteAsync(Settings.PostgresServer!, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", CancellationToken.None);
            });
        try
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await db.Database.MigrateAsync(ct);
            database.InstallSharedSchedule(connectionString);
            await database.PrepareAsync(db, ct);
            await JurisdictionCatalog.EnsureAsync(db, ct);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public async ValueTask DisposeAsync()
    {
        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }
    }
}
