using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

public sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.DefinitionHash).HasMaxLength(64);
        builder.Property(i => i.State).HasMaxLength(100);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.SubjectKind).HasMaxLength(32);
        builder.Property(i => i.SubjectLabel).HasMaxLength(100);
        builder.Property(i => i.JurisdictionCode).HasMaxLength(6);
        builder.Property(i => i.AuthorityCode).HasMaxLength(6);
        builder.Ignore(i => i.Subject);
        builder.HasIndex(i => new { i.SubjectKind, i.SubjectId });

        // The overview finds the rights whose renewal has been applied for from this index alone: SQLite seeks each right
        // in it (definition, state, subject all equal), PostgreSQL reads the applied renewals as one range.
        builder.HasIndex(i => new { i.DefinitionId, i.State, i.SubjectKind, i.SubjectId, i.Finished }).HasDatabaseName("IX_WorkflowInstances_Definition_State");
        builder.HasIndex(i => i.DossierId);
        builder.HasIndex(i => i.HolderId);
        builder.HasIndex(i => i.JurisdictionCode);
        builder.HasIndex(i => i.AuthorityCode);
        builder.HasMany(i => i.Journal).WithOne().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
