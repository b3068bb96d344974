using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;
using MiningRights.Verification;

namespace MiningRights.Verification;

public sealed class VerificationBatchConfiguration : IEntityTypeConfiguration<VerificationBatch>
{
    public void Configure(EntityTypeBuilder<VerificationBatch> builder)
    {
        builder.ToTable("VerificationBatches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.AuthorityCode).HasMaxLength(6);
        builder.Property(b => b.Quarter).HasMaxLength(7);
        // One batch per authority and quarter: a second run, or a second node, cannot make another.
        builder.HasIndex(b => new { b.AuthorityCode, b.Quarter }).IsUnique();
    }
}

public sealed class VerificationTaskConfiguration : IEntityTypeConfiguration<VerificationTask>
{
    public void Configure(EntityTypeBuilder<VerificationTask> builder)
    {
        builder.ToTable("VerificationTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.CountyCode).HasMaxLength(6);
        builder.Property(t => t.ReportsTo).HasMaxLength(6);
        builder.HasIndex(t => new { t.BatchId, t.RightId }).IsUnique();
        builder.HasIndex(t => t.CountyCode);
        builder.HasIndex(t => t.RightId);
        builder.HasOne<VerificationBatch>().WithMany().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MiningRight>().WithMany().HasForeignKey(t => t.RightId).OnDelete(DeleteBehavior.Restrict);
    }
}
