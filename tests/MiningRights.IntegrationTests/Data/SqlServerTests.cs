using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MiningRights.Data.SqlServer;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// SQL Server without a server: no SQL Server engine can be installed where this service is built and tested, so what
/// is proved here is what can be proved without one. The migrations are those of the model; the migration script and every
/// statement the provider sends outside EF (the claims, the application lock, the batch writer's rows) parse as T-SQL of
/// SQL Server 2022 (the engine of the compose file's mssql profile); and the provider tells lost races from an unavailable
/// server by SQL Server's error numbers. Whether the statements behave as intended on a real engine (locks skipped, rows
/// returned) is not proved here. No connection is opened: the connection string names a server that does not exist.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class SqlServerTests : IDisposable
{
    private const string NoServer = "Server=sqlserver.invalid;Database=miningrights;User Id=sa;Password=unused;TrustServerCertificate=true";

    private readonly MiningRightsDbContext _db = Context();

    [Fact]
    public void The_migrations_are_those_of_the_model()
    {
        Assert.False(
            _db.Database.HasPendingModelChanges(),
            "The model differs from the SQL Server model snapshot: add a migration (`dotnet ef migrations add Name --project src/MiningRights.Data.SqlServer`).");

        // Each migration's statements are those EF generates between the model before it (none for the first) and the
        // model it records: nothing in a migration that its model lacks, nothing in its model that it does not create.
        // The last one's model is the current model (no pending change, above).
        var assembly = _db.GetService<IMigrationsAssembly>();
        var generator = _db.GetService<IMigrationsSqlGenerator>();
        var differ = _db.GetService<IMigrationsModelDiffer>();
        var initializer = _db.GetService<IModelRuntimeInitializer>();
        IModel? Finalized(IModel? model) => model is null ? null
            : initializer.Initialize(model is IMutableModel mutable ? mutable.FinalizeModel() : model, designTime: true, validationLogger: null);

        IModel? before = null;
        var migrations = assembly.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(migrations);
        List<string>? first = null;
        foreach (var (id, type) in migrations)
        {
            var migration = assembly.CreateMigration(type, _db.Database.ProviderName!);
            var after = Finalized(migration.TargetModel) ?? throw new InvalidOperationException($"{id} records no model.");
            // A recorded model keeps no column order (a migration does), so each statement's lines are compared in any order.
            var written = generator.Generate(migration.UpOperations, after).Select(c => LinesInAnyOrder(c.CommandText)).ToList();
            var generated = generator.Generate(differ.GetDifferences(before?.GetRelationalModel(), after.GetRelationalModel()), after).Select(c => LinesInAnyOrder(c.CommandText)).ToList();
            Assert.NotEmpty(generated);
            Assert.True(generated.SequenceEqual(written), $"{id}: its statements are not those of its model.\nWritten:\n{string.Join("\n", written)}\nGenerated:\n{string.Join("\n", generated)}");
            first ??= written;
            before = after;
        }

        Assert.Empty(differ.GetDifferences(before!.GetRelationalModel(), _db.GetService<IDesignTimeModel>().Model.GetRelationalModel()));
        Assert.Contains(first!, sql => sql.Contains("CREATE TABLE [Rights] (", StringComparison.Ordinal));
        Assert.Contains(first!, sql => sql.Contains("[NextActionAtUtc] datetime2 NULL", StringComparison.Ordinal));
    }

    private static string LinesInAnyOrder(string sql) =>
        string.Join("\n", sql.Split('\n').Select(line => line.TrimEnd(',', ' ', '\r')).Order(StringComparer.Ordinal));

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        var script = _db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Deadlines]", script, StringComparison.Ordinal);
        Assert.Contains("WHERE \"VoidedAtUtc\" IS NULL AND \"BlockId\" IS NOT NULL", script, StringComparison.Ordinal);
        var parsed = Parse(script);
        var statements = parsed.Batches.Sum(b => b.Statements.Count);
        Assert.True(statements > 50, "The script has " + statements + " statements.");
    }

    [Fact]
    public void Every_statement_the_provider_sends_outside_EF_parses_as_T_SQL()
    {
        var provider = new SqlServerProvider();
        var now = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);

        // The deadline sweep's claim, of a batch (rows others hold skipped) and of one row (waited for), as EF sends it.
        string Sweep(bool skipLocked)
        {
            var sql = provider.SelectForClaim(
                "\"Id\" AS \"Value\"", "\"Deadlines\"", "\"NextActionAtUtc\" IS NOT NULL AND \"NextActionAtUtc\" <= {0}" + (skipLocked ? string.Empty : " AND \"Id\" = {2}"),
                "\"NextActionAtUtc\"", "{1}", skipLocked);
            object[] parameters = skipLocked ? [now, 200] : [now, 1, Guid.NewGuid()];
            return Declared(_db.Database.SqlQueryRaw<Guid>(sql, parameters).ToQueryString());
        }

        List<string> sweeps = [Sweep(skipLocked: true), Sweep(skipLocked: false)];
        Assert.Contains("SELECT TOP (@p1) \"Id\" AS \"Value\" FROM \"Deadlines\" WITH (UPDLOCK, READPAST, ROWLOCK)", sweeps[0], StringComparison.Ordinal);
        Assert.Contains("WITH (UPDLOCK, ROWLOCK)", sweeps[1], StringComparison.Ordinal);

        // The outbox's claim: the due notices updated and returned in one statement.
        var due = provider.SelectForClaim(
            "\"Id\"", "\"Notifications\"", "\"Status\" = {1} AND \"NextAttemptAtUtc\" <= {2}", "\"NextAttemptAtUtc\"", "{3}", skipLocked: true);
        var outbox = Declared(_db.Notifications
            .FromSqlRaw(provider.UpdateReturningRows("\"Notifications\"", "\"NextAttemptAtUtc\" = {0}, \"Attempts\" = \"Attempts\" + 1", $"\"Id\" IN ({due})"), now.AddMinutes(5), "Pending", now, 50)
            .AsNoTracking()
            .ToQueryString());
        Assert.Contains("OUTPUT inserted.*", outbox, StringComparison.Ordinal);

        // The application lock that orders writes of ground, with the parameter EF binds for {0}.
        var applicationLock = $"DECLARE @p0 nvarchar(4000) = N'{SqlServerProvider.LockResource(long.MaxValue)}';\n" + SqlServerProvider.ApplicationLock.Replace("{0}", "@p0", StringComparison.Ordinal);
        Assert.Contains("@LockOwner = N'Transaction'", applicationLock, StringComparison.Ordinal);

        // The batch writer's statements: the outbox's notices, and the deadlines' reminder stages under their version.
        var insert = RowWriter.InsertStatement<Notification>(_db, rows: 2);
        var update = RowWriter.UpdateStatement<Deadline>(_db, [nameof(Deadline.StagesDone), nameof(Deadline.NextStage), nameof(Deadline.NextActionAtUtc), nameof(Deadline.Version)], nameof(Deadline.Version));
        Assert.StartsWith("INSERT INTO [Notifications] ([Id], ", insert, StringComparison.Ordinal);
        Assert.Contains("), (@p", insert, StringComparison.Ordinal);
        Assert.Contains("WHERE [Id] = @p4 AND [Version] = @p5", update, StringComparison.Ordinal);

        foreach (var statement in sweeps.Append(outbox).Append(applicationLock).Append(WithParameters(insert)).Append(WithParameters(update)))
        {
            Assert.Single(Parse(statement).Batches);
        }
    }

    [Fact]
    public void The_shared_schedule_is_kept_in_its_own_schema_made_by_a_script_that_parses_as_T_SQL()
    {
        // What `migrate` runs for Hangfire.SqlServer: the library's own script, in the provider's schema.
        var script = Hangfire.SqlServer.SqlServerObjectsInstaller.GetInstallScript(SqlServerProvider.ScheduleSchema, enableHeavyMigrations: true);
        Assert.Contains("[HangFire].[Job]", script, StringComparison.Ordinal);
        Assert.True(Parse(script).Batches.Count > 0);

        // The storage a node shares is made without a server: nothing is opened before the job server starts.
        Assert.IsType<Hangfire.SqlServer.SqlServerStorage>(new SqlServerProvider().SharedSchedule(NoServer));
    }

    [Fact]
    public void A_statement_SQL_Server_cannot_read_fails_the_parse()
    {
        // The check above could pass on anything if the parser accepted anything: PostgreSQL's claim is refused.
        var postgres = "SELECT \"Id\" FROM \"Deadlines\" WHERE \"NextActionAtUtc\" <= @p0 ORDER BY \"NextActionAtUtc\" LIMIT @p1 FOR UPDATE SKIP LOCKED";
        Assert.NotEmpty(Errors(postgres));
        Assert.NotEmpty(Errors("UPDATE \"Notifications\" SET \"Attempts\" = 1 RETURNING *"));
    }

    [Theory]
    [InlineData(2601)] // a duplicate key in a unique index
    [InlineData(2627)] // a unique or primary key constraint
    [InlineData(1205)] // chosen as the deadlock victim
    [InlineData(1222)] // a lock not granted in time
    [InlineData(3960)] // a snapshot update conflict
    public void A_lost_race_is_a_conflict(int number) => Assert.True(SqlServerProvider.IsConflictNumber(number));

    [Theory]
    [InlineData(-2)] // a command or connection timeout
    [InlineData(53)] // the server not found or not reachable
    [InlineData(10054)] // the connection reset by the server
    [InlineData(4060)] // the database cannot be opened
    [InlineData(6005)] // the server shutting down
    [InlineData(40501)] // the service busy
    [InlineData(1222)] // a lock not granted in time
    public void A_server_out_of_reach_is_unavailable(int number) => Assert.True(SqlServerProvider.IsUnavailableNumber(number));

    [Theory]
    [InlineData(515)] // a NULL into a NOT NULL column: the request is wrong, not raced
    [InlineData(547)] // a foreign key violated
    [InlineData(8152)] // text too long for its column
    [InlineData(208)] // an object that does not exist (an unmigrated database)
    public void Other_errors_are_neither(int number)
    {
        Assert.False(SqlServerProvider.IsConflictNumber(number));
        Assert.False(SqlServerProvider.IsUnavailableNumber(number));
    }

    [Fact]
    public void A_timeout_however_wrapped_is_unavailable()
    {
        var provider = new SqlServerProvider();
        Assert.True(provider.IsUnavailable(new InvalidOperationException("wrapped", new TimeoutException())));
        Assert.False(provider.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(provider.IsConflict(new DbUpdateException("no database error")));
    }

    public void Dispose() => _db.Dispose();

    private static MiningRightsDbContext Context()
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        new SqlServerProvider().Configure(options, NoServer);
        return new MiningRightsDbContext(options.Options);
    }

    /// <summary>
    /// EF's query text with its parameter declarations as the server reads them: ToQueryString declares the parameters of
    /// raw SQL without their '@' ("DECLARE p0 ..."), while the command sends them as @p0 through sp_executesql.
    /// </summary>
    private static string Declared(string queryString) =>
        System.Text.RegularExpressions.Regex.Replace(queryString, @"^DECLARE (?=p\d+ )", "DECLARE @", System.Text.RegularExpressions.RegexOptions.Multiline);

    /// <summary>The batch writer's statement with its parameters declared, as the server receives them from sp_executesql.</summary>
    private static string WithParameters(string statement)
    {
        var count = System.Text.RegularExpressions.Regex.Matches(statement, @"@p\d+").Select(m => m.Value).Distinct().Count();
        return string.Concat(Enumerable.Range(0, count).Select(i => $"DECLARE @p{i} nvarchar(100);\n")) + statement;
    }

    private static TSqlScript Parse(string sql)
    {
        var errors = Errors(sql, out var script);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + sql);
        return script;
    }

    private static IList<ParseError> Errors(string sql) => Errors(sql, out _);

    /// <summary>Parses as SQL Server 2022 does, with QUOTED_IDENTIFIER on (SqlClient's default): "Id" is a name.</summary>
    private static IList<ParseError> Errors(string sql, out TSqlScript script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        script = (TSqlScript)parser.Parse(reader, out var errors);
        return errors;
    }
}
