using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiningRights.Data.Sqlite;

/// <summary>The embedded default: a SQLite file in the data folder, migrated by the migrations of this assembly.</summary>
public static class SqliteDatabase
{
    public static string ConnectionStringFor(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), "miningrights.db"),
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>
    /// True when a save failed because another writer got there first: a unique key taken by a concurrent
    /// transition (constraint, 19) or the database still locked after the busy timeout (5).
    /// </summary>
    public static bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 or 5 };

    /// <summary>Puts the database file in WAL mode; the mode is kept in the file, so once at start is enough.</summary>
    public static async Task UseWriteAheadLogAsync(DbContext db) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

    public static DbContextOptionsBuilder UseMiningRightsSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas())

            // The migrations are SQL scripts with no model snapshot (the EF design-time package does not restore
            // here), so EF cannot compare a snapshot; MigrationsMatchModel in the tests checks the schema instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
