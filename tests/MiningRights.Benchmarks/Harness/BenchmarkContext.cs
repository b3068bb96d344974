using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Data;
using MiningRights.Data.Sqlite;
using MiningRights.Rights;

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
    /// The service's parts wired as the host wires them (<c>AddMiningRights</c>, SQLite through the real migrations, WAL),
    /// without the web host and without starting the scheduler, so a scenario drives the work itself.
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
        var database = new SqliteProvider();
        services.AddSingleton<DatabaseProvider>(database);
        services.AddDbContext<MiningRightsDbContext>(options => database.Configure(options, SqliteProvider.ConnectionStringFor(dataDirectory)));
        configure?.Invoke(services);

        Directory.CreateDirectory(dataDirectory);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var service = new BenchmarkService(provider, dataDirectory);
        try
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await db.Database.MigrateAsync(ct);
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
