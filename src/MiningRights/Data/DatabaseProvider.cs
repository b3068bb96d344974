using Microsoft.EntityFrameworkCore;
using Hangfire;

namespace MiningRights.Data;

/// <summary>
/// Everything that differs between the databases the service runs on, chosen once by <c>Database:Provider</c> when the
/// host starts: how the context connects and migrates, which errors are lost races, how due work is claimed and where the
/// schedule is kept. Nothing else in the service knows which database it runs on.
/// </summary>
public abstract class DatabaseProvider
{
    /// <summary>The value of <c>Database:Provider</c> that selects it.</summary>
    public abstract string Name { get; }

    /// <summary>Whether migrations are applied at start when <see cref="DatabaseOptions.MigrateAtStart"/> is not set.</summary>
    public abstract bool MigratesAtStartByDefault { get; }

    /// <summary>Whether the schedule is shared by several processes when <see cref="DatabaseOptions.Clustered"/> is not set.</summary>
    public abstract bool ClusteredByDefault { get; }

    /// <summary>
    /// Whether claiming due work locks the claimed rows until the claiming unit of work commits, so that other processes
    /// skip them (<c>FOR UPDATE SKIP LOCKED</c>). Where it does not, the database takes one writer at a time and a claim
    /// is a conditional write on each row's version.
    /// </summary>
    public abstract bool LocksClaimedRows { get; }

    /// <summary>What ends a claim's row selection: <c>FOR UPDATE SKIP LOCKED</c> where <see cref="LocksClaimedRows"/>, else nothing.</summary>
    protected string ClaimLock => LocksClaimedRows ? "FOR UPDATE SKIP LOCKED" : string.Empty;

    /// <summary>
    /// What ends the selection of one row to be locked for a unit of work, waiting while another holds it: <c>FOR UPDATE</c>
    /// where <see cref="LocksClaimedRows"/>, else nothing.
    /// </summary>
    protected string RowLock => LocksClaimedRows ? "FOR UPDATE" : string.Empty;

    /// <summary>
    /// The statement that selects, for claiming, the first <paramref name="count"/> rows of <paramref name="table"/> that
    /// match <paramref name="where"/> in <paramref name="orderBy"/> order. Where <see cref="LocksClaimedRows"/>, the rows
    /// are locked until the unit of work ends, and rows another unit of work holds are skipped (<paramref name="skipLocked"/>)
    /// or waited for. Every argument is SQL text (identifiers quoted with double quotes, values as placeholders). The
    /// default is PostgreSQL's and SQLite's: <c>SELECT ... ORDER BY ... LIMIT n FOR UPDATE SKIP LOCKED</c>.
    /// </summary>
    public virtual string SelectForClaim(string columns, string table, string where, string orderBy, string count, bool skipLocked) =>
        $"SELECT {columns} FROM {table}\nWHERE {where}\nORDER BY {orderBy} LIMIT {count} {(skipLocked ? ClaimLock : RowLock)}";

    /// <summary>
    /// The statement that sets <paramref name="set"/> on the rows of <paramref name="table"/> that match
    /// <paramref name="where"/> and returns every column of each row as updated (PostgreSQL's and SQLite's <c>RETURNING *</c>).
    /// </summary>
    public virtual string UpdateReturningRows(string table, string set, string where) =>
        $"UPDATE {table} SET {set}\nWHERE {where}\nRETURNING *";

    /// <summary>
    /// Makes the caller's open transaction wait for, then hold until it ends, the lock named <paramref name="key"/>, so that
    /// the units of work that take it run one after another across every process on the database. The default does
    /// nothing: it suits a database whose transactions take its one write lock when they begin (SQLite's
    /// <c>BEGIN IMMEDIATE</c>), which already orders them.
    /// </summary>
    public virtual Task LockUntilCommitAsync(MiningRightsDbContext db, long key, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The connection string when <c>ConnectionStrings:MiningRights</c> is not set, or null if one is required.</summary>
    public abstract string? DefaultConnectionString(string dataDirectory);

    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Run once at start after migrating (SQLite: write-ahead log).</summary>
    public virtual Task PrepareAsync(MiningRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Brings the query planner's statistics up to date, so it chooses indexes by what the tables hold now; run after
    /// a large write (<see cref="PlannerStatistics"/>). The default does nothing: it suits a database that updates its
    /// statistics itself as soon as queries find them stale (SQL Server).
    /// </summary>
    public virtual Task RefreshStatisticsAsync(MiningRightsDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// True when a save failed because another writer got there first (a unique key taken by a concurrent change, a
    /// lock not granted, a serialization failure): the request answers 409 and a job leaves the item for later.
    /// </summary>
    public abstract bool IsConflict(DbUpdateException exception);

    /// <summary>
    /// True when the database could not serve the request at all: held locked past the timeout, gone away, restarting.
    /// Nothing of the request was committed; the request answers 503 and may simply be sent again.
    /// </summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>
    /// The job storage kept in the database and shared by the processes that run on it (clustered): the recurring
    /// schedule, the queue and the runs the job dashboard shows. Its tables are made by <see cref="InstallSharedSchedule"/>.
    /// </summary>
    public abstract JobStorage SharedSchedule(string connectionString);

    /// <summary>
    /// Creates or brings up to date the shared schedule's tables, with the job library's own versioned scripts. Run with
    /// the migrations (the <c>migrate</c> command, or a start that migrates), never by a node that only starts.
    /// </summary>
    public virtual void InstallSharedSchedule(string connectionString)
    {
    }
}
