using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

public sealed class DefinitionSnapshotConfiguration : IEntityTypeConfiguration<DefinitionSnapshot>
{
    public void Configure(EntityTypeBuilder<DefinitionSnapshot> builder)
    {
        builder.ToTable("DefinitionSnapshots");
        builder.HasKey(s => s.ContentHash);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.Property(s => s.DefinitionId).HasMaxLength(100);
    }
}
