using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MiningRights.Data;

public sealed class MiningRightsDbContext(DbContextOptions<MiningRightsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    // Rows a bulk job reads without tracking and writes in bulk (see RowWriter): e.g. reminder stages taken and the
    // notices they cause. They are written by the next SaveChangesAsync, after the tracked changes and in their
    // transaction; updates before inserts, each kind of row in the order first queued.
    private readonly List<IQueuedRows> _queued = [];

    /// <summary>
    /// Queues a row to be inserted with this unit of work's changes: the next SaveChangesAsync writes both in one
    /// transaction, so e.g. a notice exists exactly when the change that caused it does.
    /// </summary>
    public void QueueInsert<TRow>(TRow row) where TRow : class => Queued(() => new QueuedInserts<TRow>()).Rows.Add(row);

    /// <summary>
    /// Queues new values of <paramref name="columns"/> of an untracked row read at <paramref name="readVersion"/>.
    /// Saving fails as a concurrency conflict if the row's <paramref name="version"/> changed meanwhile.
    /// </summary>
    public void QueueUpdate<TRow>(TRow row, int readVersion, IReadOnlyList<string> columns, string version) where TRow : class =>
        Queued(() => new QueuedUpdates<TRow>(columns, version)).Rows.Add((row, readVersion));

    /// <summary>
    /// A save of at least this many changed tracked rows writes them with the bulk writer where it can
    /// (<see cref="TrackedRows"/>): a sweep's batch of 500 expiries changes 2,000.
    /// </summary>
    public const int BulkTrackedRows = 200;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (tracked, detected) = acceptAllChangesOnSuccess ? PlanTrackedRows() : (null, false);
        if (_queued.Count == 0 && tracked is null)
        {
            return await SaveTrackedAsync(acceptAllChangesOnSuccess, detected, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Tracked changes are accepted only once the queued rows are written too, so a failure leaves the unit of
            // work as it was.
            var changed = tracked is null
                ? await SaveTrackedAsync(acceptAllChangesOnSuccess: false, detected, cancellationToken)
                : await tracked.WriteAsync(this, cancellationToken);
            foreach (var rows in _queued.OrderBy(rows => rows.IsInsert))
            {
                changed += await rows.WriteAsync(this, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            _queued.Clear();
            tracked?.Detach();
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return changed;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        _queued.Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("A unit of work with queued rows is saved with SaveChangesAsync.");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MiningRightsDbContext).Assembly);
    }

    /// <summary>
    /// The bulk writer's plan for this save's tracked changes, or null when EF Core writes them (fewer than
    /// <see cref="BulkTrackedRows"/>, or not the bulk writer's to write); and whether the changes were detected for it.
    /// </summary>
    private (TrackedRows? Plan, bool Detected) PlanTrackedRows()
    {
        // Counted without detecting changes first (tracking fewer rows, a save cannot change as many); the states are
        // detected only for a unit of work that tracks that many.
        if (CountTrackedWithoutDetecting(BulkTrackedRows) < BulkTrackedRows)
        {
            return (null, false);
        }

        var changed = ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        return (changed.Count >= BulkTrackedRows ? TrackedRows.Plan(changed) : null, ChangeTracker.AutoDetectChangesEnabled);
    }

    /// <summary>EF Core's own save, which detects the changes again unless they were just <paramref name="detected"/>.</summary>
    private async Task<int> SaveTrackedAsync(bool acceptAllChangesOnSuccess, bool detected, CancellationToken ct)
    {
        if (!detected)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private int CountTrackedWithoutDetecting(int atMost)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.Entries().Take(atMost).Count();
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private TQueued Queued<TQueued>(Func<TQueued> create) where TQueued : class, IQueuedRows
    {
        var queued = _queued.OfType<TQueued>().FirstOrDefault();
        if (queued is null)
        {
            queued = create();
            _queued.Add(queued);
        }

        return queued;
    }

    private interface IQueuedRows
    {
        bool IsInsert { get; }

        Task<int> WriteAsync(DbContext db, CancellationToken ct);
    }

    private sealed class QueuedInserts<TRow> : IQueuedRows where TRow : class
    {
        public List<TRow> Rows { get; } = [];

        public bool IsInsert => true;

        public async Task<int> WriteAsync(DbContext db, CancellationToken ct)
        {
            await RowWriter.InsertAsync(db, Rows, ct);
            return Rows.Count;
        }
    }

    private sealed class QueuedUpdates<TRow>(IReadOnlyList<string> columns, string version) : IQueuedRows where TRow : class
    {
        public List<(TRow Row, int ReadVersion)> Rows { get; } = [];

        public bool IsInsert => false;

        public async Task<int> WriteAsync(DbContext db, CancellationToken ct)
        {
            await RowWriter.UpdateAsync(db, Rows, columns, version, ct);
            return Rows.Count;
        }
    }
}
