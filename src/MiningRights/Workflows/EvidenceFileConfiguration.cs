using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.StoragePath).HasMaxLength(500);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.InstanceId, e.JournalSequence });
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
