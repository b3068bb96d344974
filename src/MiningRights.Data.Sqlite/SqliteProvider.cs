using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Hangfire;

namespace MiningRights.Data.Sqlite;

/// <summary>
/// The embedded default: a SQLite file in the data folder, migrated by the migrations of this assembly. One service
/// process; the database takes one writer at a time, so claims are conditional writes and the schedule stays in memory.
/// </summary>
public sealed class SqliteProvider : DatabaseProvider
{
    public const string ProviderName = "Sqlite";

    public override string Name => ProviderName;

    public override bool MigratesAtStartByDefault => true;

    public override bool ClusteredByDefault => false;

    public override bool LocksClaimedRows => false;

    public static string ConnectionStringFor(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), "miningrights.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    public override string DefaultConnectionString(string dataDirectory) => ConnectionStringFor(dataDirectory);

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas());

    /// <summary>
    /// Puts the database file in WAL mode (the mode is kept in the file, so once at start is enough) and gathers the
    /// planner's statistics of the tables that need them.
    /// </summary>
    public override async Task PrepareAsync(MiningRightsDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await RefreshStatisticsAsync(db, ct);
    }

    /// <summary>
    /// SQLite gathers no statistics by itself: <c>PRAGMA optimize</c> analyzes each table whose size changed enough
    /// since it was last analyzed (0x10002: every table, not only those this connection queried), each from a sample
    /// of at most 1,000 rows per index so it stays quick on a large file.
    /// </summary>
    public override async Task RefreshStatisticsAsync(MiningRightsDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);

    /// <summary>The file still locked by another writer after the busy timeout (SQLITE_BUSY 5, SQLITE_LOCKED 6), however wrapped.</summary>
    public override bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unique key taken by a concurrent transition (constraint, 19) or the file still locked after the busy timeout (5).</summary>
    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 or 5 };

    public override JobStorage SharedSchedule(string connectionString) =>
        throw new InvalidOperationException(
            "Database:Clustered is true, but a clustered schedule needs a database server that several service processes share: " +
            "SQLite serves one process and keeps the schedule in memory. Use Database:Provider Postgres for several nodes, " +
            "or leave Database:Clustered unset.");
}
