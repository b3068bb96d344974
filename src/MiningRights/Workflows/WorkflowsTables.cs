using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>The tables this feature keeps, read as <c>db.WorkflowInstances</c>: the database context itself names no feature.</summary>
public static class WorkflowsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<WorkflowInstance> WorkflowInstances => db.Set<WorkflowInstance>();

        public DbSet<JournalEntry> Journal => db.Set<JournalEntry>();

        public DbSet<DefinitionSnapshot> DefinitionSnapshots => db.Set<DefinitionSnapshot>();

        public DbSet<Deadline> Deadlines => db.Set<Deadline>();

        public DbSet<EvidenceFile> Evidence => db.Set<EvidenceFile>();
    }
}
