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
