using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Data.Postgres;
using Npgsql;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// The database a test service runs on: the provider named by <c>MININGRIGHTS_TEST_PROVIDER</c> (the test command runs
/// the integration tests once on each). On SQLite each service keeps its file in its data folder; on PostgreSQL each
/// data folder gets its own database on the test command's throwaway server (<c>MININGRIGHTS_TEST_POSTGRES</c>), cloned
/// from a template migrated once per run, so a test starts in a few milliseconds on either.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static string? _template;

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("MININGRIGHTS_TEST_PROVIDER"), PostgresProvider.ProviderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The test command's PostgreSQL server, as a connection string without a database.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MININGRIGHTS_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "MININGRIGHTS_TEST_POSTGRES is not set: run the tests with `bash tests/run.sh`, which starts a PostgreSQL server for them.");

    /// <summary>The settings that put a service whose data folder is <paramref name="dataDirectory"/> on the provider under test.</summary>
    public static IDictionary<string, string?> SettingsFor(string dataDirectory)
    {
        if (!OnPostgres)
        {
            return new Dictionary<string, string?>();
        }

        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = PostgresProvider.ProviderName,
            ["ConnectionStrings:MiningRights"] = EnsurePostgresDatabase(NameFor(dataDirectory)),
        };
    }

    /// <summary>
    /// A connection string to <paramref name="database"/> on the test server. Every test has a database of its own, so
    /// idle connections are closed after 10 seconds rather than Npgsql's 300: pools left idle by finished tests would
    /// otherwise add up past the server's max_connections over a run.
    /// </summary>
    public static string Postgres(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;

    /// <summary>Creates an empty database on the test server (dropped with the server at the end of the run).</summary>
    public static string CreateEmptyPostgres(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return Postgres(name);
    }

    /// <summary>A migrated database, made once for each data folder (a service restarted on the same folder finds its data).</summary>
    private static string EnsurePostgresDatabase(string name)
    {
        Creating.Wait();
        try
        {
            _template ??= MigrateTemplate();
            if (!Exists(name))
            {
                Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            }
        }
        finally
        {
            Creating.Release();
        }

        return Postgres(name);
    }

    /// <summary>The template every test database is cloned from, named after the migrations it holds.</summary>
    private static string MigrateTemplate()
    {
        var provider = new PostgresProvider();
        string[] migrations;
        using (var probe = Context(provider, PostgresServer))
        {
            migrations = probe.Database.GetMigrations().ToArray();
        }

        var name = "mr_template_" + Hash(string.Join(",", migrations) + ",hangfire " + typeof(Hangfire.PostgreSql.PostgreSqlStorage).Assembly.GetName().Version);
        if (Exists(name))
        {
            return name;
        }

        var building = name + "_building";
        Execute($"DROP DATABASE IF EXISTS \"{building}\"");
        Execute($"CREATE DATABASE \"{building}\"");
        using (var db = Context(provider, Postgres(building)))
        {
            db.Database.Migrate();
        }

        provider.InstallSharedSchedule(Postgres(building));

        // A database is cloned only while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
        Execute($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        return name;
    }

    private static MiningRightsDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        provider.Configure(options, connectionString);
        return new MiningRightsDbContext(options.Options);
    }

    private static string NameFor(string dataDirectory) => "mr_" + Hash(Path.GetFullPath(dataDirectory));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];

    private static bool Exists(string database)
    {
        using var connection = new NpgsqlConnection(Postgres("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Postgres("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
