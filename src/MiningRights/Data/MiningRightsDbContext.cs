using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Cases;
using MiningRights.Deadlines;
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

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<PlanDocument> Plans => Set<PlanDocument>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

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
