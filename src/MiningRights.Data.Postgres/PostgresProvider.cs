using Microsoft.EntityFrameworkCore;
using Npgsql;
using Hangfire;
using Hangfire.PostgreSql;

namespace MiningRights.Data.Postgres;

/// <summary>
/// The production database: PostgreSQL, shared by one or more service processes. Claims lock the rows they take and
/// skip rows another process holds, and the schedule lives in Hangfire's PostgreSQL job storage (schema <c>hangfire</c>,
/// made by the <c>migrate</c> command with that library's own scripts), so nodes split the due work and a crashed node's
/// jobs are taken over.
/// </summary>
public sealed class PostgresProvider : DatabaseProvider
{
    public const string ProviderName = "Postgres";

    public override string Name => ProviderName;

    public override bool MigratesAtStartByDefault => false;

    public override bool ClusteredByDefault => true;

    public override bool LocksClaimedRows => true;

    public override string? DefaultConnectionString(string dataDirectory) => null;

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));

    /// <summary>
    /// A transaction-level advisory lock: it needs no row to exist, and PostgreSQL releases it at commit or rollback, so a
    /// node that dies holding it holds nothing once its connection is gone.
    /// </summary>
    public override async Task LockUntilCommitAsync(MiningRightsDbContext db, long key, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);

    /// <summary>
    /// <c>ANALYZE</c>: autovacuum would gather the statistics too, but only a minute or more after a large write, while
    /// the work right after it (the delivery of a burst of notices, the next sweep) is planned on the old ones.
    /// </summary>
    public override async Task RefreshStatisticsAsync(MiningRightsDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);

    /// <summary>
    /// Unique violation (23505), serialization failure (40001), deadlock (40P01) and lock not available (55P03): another
    /// writer got there first.
    /// </summary>
    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable };

    /// <summary>
    /// The server unreachable or going away (a connection failure, an administrator or crash shutdown, the server
    /// starting up or out of connections), a lock or statement timeout, however wrapped.
    /// </summary>
    public override bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
                    || state is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled:
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The schema of the shared schedule's tables, apart from the service's own.</summary>
    public const string ScheduleSchema = "hangfire";

    public override JobStorage SharedSchedule(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = ScheduleSchema,
            PrepareSchemaIfNecessary = false,

            // A queued run is taken within a second. A node that dies while running a job leaves it to another node once
            // its heartbeat has been silent this long (the jobs are idempotent, and the next run comes sooner anyway).
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),

            // The scheduler's locks are rows held for milliseconds (a recurring job's next run, a state change). A node
            // killed while it holds one leaves the row behind; after this long another node takes the lock, where the
            // library's ten minutes would hold up that job on every node, and a restarted node's start, for as long.
            DistributedLockTimeout = TimeSpan.FromSeconds(10),
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    public override void InstallSharedSchedule(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        PostgreSqlObjectsInstaller.Install(connection, ScheduleSchema);
    }
}
