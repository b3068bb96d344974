using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Hangfire;
using Hangfire.SqlServer;

namespace MiningRights.Data.SqlServer;

/// <summary>
/// SQL Server, shared by one or more service processes like PostgreSQL: claims lock the rows they take with table hints
/// and skip rows another process holds (<c>UPDLOCK, READPAST, ROWLOCK</c>), and units of work that must run one after
/// another take an application lock. No SQL Server engine runs where this service is built: its migrations and every
/// statement it sends outside EF are checked by parsing them (see the README), not by running them.
/// </summary>
public sealed class SqlServerProvider : DatabaseProvider
{
    public const string ProviderName = "SqlServer";

    // The table hints of a claim: update locks on the rows taken, held to the end of the unit of work, one row at a time,
    // and rows locked by another unit of work passed over (READPAST) or waited for.
    private const string SkipLockedHints = "WITH (UPDLOCK, READPAST, ROWLOCK)";
    private const string WaitLockedHints = "WITH (UPDLOCK, ROWLOCK)";

    public override string Name => ProviderName;

    public override bool MigratesAtStartByDefault => false;

    public override bool ClusteredByDefault => true;

    public override bool LocksClaimedRows => true;

    public override string? DefaultConnectionString(string dataDirectory) => null;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(typeof(SqlServerProvider).Assembly.GetName().Name));

    /// <summary><c>SELECT TOP (n) ... FROM t WITH (UPDLOCK, READPAST, ROWLOCK) WHERE ... ORDER BY ...</c>: hints follow the table, and TOP replaces LIMIT.</summary>
    public override string SelectForClaim(string columns, string table, string where, string orderBy, string count, bool skipLocked) =>
        $"SELECT TOP ({count}) {columns} FROM {table} {(skipLocked ? SkipLockedHints : WaitLockedHints)}\nWHERE {where}\nORDER BY {orderBy}";

    /// <summary><c>UPDATE ... SET ... OUTPUT inserted.* WHERE ...</c>: SQL Server returns the updated rows with OUTPUT.</summary>
    public override string UpdateReturningRows(string table, string set, string where) =>
        $"UPDATE {table} SET {set}\nOUTPUT inserted.*\nWHERE {where}";

    /// <summary>
    /// The statement that takes the lock for <see cref="LockUntilCommitAsync"/>: an exclusive application lock owned by
    /// the transaction (released at commit or rollback, and with the session when a node dies), waited for without a
    /// time limit as PostgreSQL's advisory lock is; a refusal (a deadlock victim, the wait cancelled) is raised as an error.
    /// </summary>
    public const string ApplicationLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = {0}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
        IF @granted < 0 THROW 51000, N'The application lock was not granted.', 1;
        """;

    /// <summary>The application lock's resource name for <paramref name="key"/>.</summary>
    public static string LockResource(long key) => FormattableString.Invariant($"miningrights:{key}");

    public override async Task LockUntilCommitAsync(MiningRightsDbContext db, long key, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(ApplicationLock, [LockResource(key)], ct);

    /// <summary>
    /// A unique key taken (2601 duplicate key in a unique index, 2627 unique or primary key constraint), chosen as a
    /// deadlock victim (1205), a lock not granted in time (1222) or a snapshot update conflict (3960): another writer got
    /// there first.
    /// </summary>
    public static bool IsConflictNumber(int number) => number is 2601 or 2627 or 1205 or 1222 or 3960;

    /// <summary>
    /// The server unreachable, going away or too busy: a command or connection timeout (-2), a connection that could not
    /// be made or was broken (-1, 2, 53, 64, 233, 10053, 10054, 10060, 10061, 11001), the database not available or
    /// being recovered (4060, 926, 6005, 40613), the server out of resources or throttling (40197, 40501), and a lock
    /// not granted in time (1222).
    /// </summary>
    public static bool IsUnavailableNumber(int number) =>
        number is -2 or -1 or 2 or 53 or 64 or 233 or 10053 or 10054 or 10060 or 10061 or 11001
            or 4060 or 926 or 6005 or 40613 or 40197 or 40501 or 1222;

    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is SqlException sql && IsConflictNumber(sql.Number);

    /// <summary>A refusal of <see cref="IsUnavailableNumber"/>, a connection failing on the network or a timeout, however wrapped.</summary>
    public override bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqlException sql when IsUnavailableNumber(sql.Number):
                case SqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The schema of the shared schedule's tables, apart from the service's own.</summary>
    public const string ScheduleSchema = "HangFire";

    public override JobStorage SharedSchedule(string connectionString) =>
        new SqlServerStorage(() => new SqlConnection(connectionString), new SqlServerStorageOptions
        {
            SchemaName = ScheduleSchema,
            PrepareSchemaIfNecessary = false,

            // Queued runs are fetched as soon as they are queued (a short sliding poll); the library's recommended
            // isolation and no global locks. A node that dies mid-job leaves it to another after this long.
            QueuePollInterval = TimeSpan.Zero,
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
        });

    public override void InstallSharedSchedule(string connectionString)
    {
        using var connection = new SqlConnection(connectionString);
        connection.Open();
        SqlServerObjectsInstaller.Install(connection, ScheduleSchema, enableHeavyMigrations: true);
    }
}
