using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Data.Configurations;

public sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.DefinitionHash).HasMaxLength(64);
        builder.Property(i => i.State).HasMaxLength(100);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.RightId);
        builder.HasIndex(i => i.HolderId);
        builder.HasOne<MiningRight>().WithMany().HasForeignKey(i => i.RightId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Journal).WithOne().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.Trigger).HasMaxLength(128);
        builder.Property(j => j.FromState).HasMaxLength(100);
        builder.Property(j => j.ToState).HasMaxLength(100);
        builder.Property(j => j.RuleId).HasMaxLength(16);
        builder.Property(j => j.Note).HasMaxLength(2000);
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
    }
}

public sealed class DefinitionSnapshotConfiguration : IEntityTypeConfiguration<DefinitionSnapshot>
{
    public void Configure(EntityTypeBuilder<DefinitionSnapshot> builder)
    {
        builder.HasKey(s => s.ContentHash);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.DefinitionId).HasMaxLength(100);
    }
}
