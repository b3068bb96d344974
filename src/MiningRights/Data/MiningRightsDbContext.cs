using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Cases;
using MiningRights.Contracts;
using MiningRights.Deadlines;
using MiningRights.Listing;
using MiningRights.Notifications;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Data;

public sealed class MiningRightsDbContext(DbContextOptions<MiningRightsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<Holder> Holders => Set<Holder>();

    public DbSet<MiningRight> Rights => Set<MiningRight>();

    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();

    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    public DbSet<DefinitionSnapshot> DefinitionSnapshots => Set<DefinitionSnapshot>();

    public DbSet<Policies.StoredRulebook> Rulebooks => Set<Policies.StoredRulebook>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<PlanDocument> Plans => Set<PlanDocument>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<TransferBlock> Blocks => Set<TransferBlock>();

    public DbSet<TransferPlan> TransferPlans => Set<TransferPlan>();

    public DbSet<Footprint> Footprints => Set<Footprint>();

    public DbSet<GroundOverlap> GroundOverlaps => Set<GroundOverlap>();

    public DbSet<TransferAnnouncement> Announcements => Set<TransferAnnouncement>();

    public DbSet<DisclosureObjection> Objections => Set<DisclosureObjection>();

    public DbSet<TransferContract> Contracts => Set<TransferContract>();

    public DbSet<ContractClause> ContractClauses => Set<ContractClause>();

    public DbSet<IncomeInstallment> Installments => Set<IncomeInstallment>();

    public DbSet<IncomePayment> Payments => Set<IncomePayment>();

    public DbSet<ContractAmendment> Amendments => Set<ContractAmendment>();

    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();

    public DbSet<Decisions.Decision> Decisions => Set<Decisions.Decision>();

    public DbSet<Verification.VerificationBatch> VerificationBatches => Set<Verification.VerificationBatch>();

    public DbSet<Verification.VerificationTask> VerificationTasks => Set<Verification.VerificationTask>();

    public DbSet<Calendar.CalendarFeed> CalendarFeeds => Set<Calendar.CalendarFeed>();


    // What a sweep reads without tracking and changes in bulk (see RowWriter): reminder stages taken and the notices
    // they cause. Both are written by the next SaveChangesAsync, after the tracked changes and in their transaction.
    private static readonly string[] DeadlineProgress =
    [
        nameof(Deadline.StagesDone), nameof(Deadline.NextStage), nameof(Deadline.NextActionAtUtc),
        nameof(Deadline.Version), nameof(Deadline.Attempts), nameof(Deadline.LastError),
    ];

    private readonly List<Notification> _queuedNotices = [];
    private readonly List<(Deadline Row, int ReadVersion)> _queuedProgress = [];

    /// <summary>
    /// Queues a notice to be written with this unit of work's changes: the next SaveChangesAsync writes both in one
    /// transaction, so a notice exists exactly when the change that caused it does.
    /// </summary>
    public void QueueNotice(Notification notice) => _queuedNotices.Add(notice);

    /// <summary>
    /// Queues the new schedule of an untracked deadline read at <paramref name="readVersion"/> (its reminder stages,
    /// next action, version and attempts). Saving fails as a concurrency conflict if the row changed meanwhile.
    /// </summary>
    public void QueueProgress(Deadline deadline, int readVersion) => _queuedProgress.Add((deadline, readVersion));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_queuedNotices.Count == 0 && _queuedProgress.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Tracked changes are accepted only once the queued rows are written too, so a failure leaves the unit of
            // work as it was.
            var changed = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await RowWriter.UpdateAsync(this, _queuedProgress, DeadlineProgress, nameof(Deadline.Version), cancellationToken);
            await RowWriter.InsertAsync(this, _queuedNotices, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            changed += _queuedProgress.Count + _queuedNotices.Count;
            _queuedProgress.Clear();
            _queuedNotices.Clear();
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
        _queuedNotices.Count == 0 && _queuedProgress.Count == 0
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
}
