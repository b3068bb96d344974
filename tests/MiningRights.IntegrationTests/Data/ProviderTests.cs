using System.Diagnostics;
using System.Net;
using MiningRights.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// Choosing the database: <c>Database:Provider</c> with <c>ConnectionStrings:MiningRights</c>, migrations applied at start
/// or by the <c>migrate</c> command, and one schedule shared by every node on PostgreSQL. A wrong choice stops the start
/// with a message that says what to set.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class ProviderTests
{
    [Fact]
    public void An_unknown_provider_stops_the_start_naming_the_ones_there_are()
    {
        var message = StartFailure(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        Assert.Contains("'Oracle' is not known", message, StringComparison.Ordinal);
        Assert.Contains("'Sqlite'", message, StringComparison.Ordinal);
        Assert.Contains("'Postgres'", message, StringComparison.Ordinal);
        Assert.Contains("'SqlServer'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_stops_the_start_saying_which_setting_is_missing()
    {
        var message = StartFailure(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:MiningRights"] = string.Empty });

        Assert.Contains("ConnectionStrings:MiningRights", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_server_stops_the_start_saying_what_was_tried()
    {
        var message = StartFailure(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:MiningRights"] = "Host=127.0.0.1;Port=1;Database=miningrights;Username=miningrights;Password=secret;Timeout=3",
        });

        Assert.Contains("The database cannot be reached", message, StringComparison.Ordinal);
        Assert.Contains("database 'miningrights'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_does_not_exist_on_the_server_stops_the_start_naming_it()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.Postgres("postgres")) { Database = "no_such_database_" + Guid.NewGuid().ToString("N")[..8] };
        var message = StartFailure(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:MiningRights"] = server.ConnectionString });

        Assert.Contains("The database cannot be reached", message, StringComparison.Ordinal);
        Assert.Contains(server.Database!, message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_SMTP_user_name_without_its_password_stops_the_start()
    {
        var message = StartFailure(new Dictionary<string, string?> { ["Smtp:UserName"] = "miningrights" });

        Assert.Contains("Smtp:UserName is set but Smtp:Password is not", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clustered_schedule_on_SQLite_stops_the_start_with_a_clear_message()
    {
        var message = StartFailure(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:Clustered"] = "true" });

        Assert.Contains("Database:Clustered", message, StringComparison.Ordinal);
        Assert.Contains("SQLite serves one process", message, StringComparison.Ordinal);
        Assert.Contains("Postgres", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unmigrated_PostgreSQL_database_is_refused_until_the_migrate_command_has_run_then_nodes_share_one_schedule()
    {
        var connectionString = TestDatabase.CreateEmptyPostgres("provider_migrate");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:MiningRights"] = connectionString,
        };

        // Migrations are not applied at start on PostgreSQL unless asked: the service says what to run.
        var refused = StartFailure(settings);
        Assert.Contains("migrate", refused, StringComparison.Ordinal);
        Assert.Contains("Database:MigrateAtStart", refused, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Rights'"));
        Assert.Equal(0, await CountAsync(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'"));

        var (exitCode, output) = await RunMigrateCommandAsync(connectionString);
        Assert.True(exitCode == 0, "migrate exited with " + exitCode + ": " + output);
        Assert.Matches(@"\d{14}_Initial", output);
        Assert.Equal(1, await CountAsync(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'Rights'"));
        // The shared schedule's tables come with the migrations, made by the job library's own scripts.
        Assert.Equal(1, await CountAsync(connectionString, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'"));

        // Two nodes on the migrated database: both answer, and both joined the one shared schedule.
        var clock = TestClock.Shanghai(2025, 3, 1, 10);
        using var first = new ServiceFactory(clock, settings: settings);
        using var second = new ServiceFactory(clock, settings: settings);
        (await first.WaitUntilHealthyAsync()).Dispose();
        (await second.WaitUntilHealthyAsync()).Dispose();
        Assert.Equal(2, await CountAsync(connectionString, "SELECT count(*) FROM hangfire.server"));
        // One definition of each recurring job, shared by both nodes: the sweep, the delivery, the audit sealing, and the
        // cron jobs (the daily performance evaluation, renewal coverage and the quarterly verification).
        Assert.Equal(6, await CountAsync(connectionString, "SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs'"));
    }

    /// <summary>Starts a service with <paramref name="settings"/> and returns why it did not start.</summary>
    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: settings);
        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return string.Join(" | ", ExceptionChain.Of(thrown).Select(e => e.Message));
    }

    private static async Task<(int ExitCode, string Output)> RunMigrateCommandAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MiningRights.Web.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__MiningRights"] = connectionString;
        start.Environment["Storage__DataDirectory"] = Path.Combine(ServiceFactory.TestDataRoot, Guid.NewGuid().ToString("N"));
        start.Environment["Workflows__Directory"] = Path.Combine(RepositoryRoot.Find(), "workflows");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
