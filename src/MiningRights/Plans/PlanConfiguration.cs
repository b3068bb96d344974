using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Plans;

namespace MiningRights.Plans;

public sealed class PlanConfiguration : IEntityTypeConfiguration<PlanDocument>
{
    public void Configure(EntityTypeBuilder<PlanDocument> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.FileName).HasMaxLength(260);
        builder.Property(p => p.ContentType).HasMaxLength(100);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.StoragePath).HasMaxLength(500);
        builder.Property(p => p.SubmittedBy).HasMaxLength(256);
        builder.Property(p => p.ReviewedBy).HasMaxLength(256);
        builder.Property(p => p.MineScale).HasMaxLength(16);
        builder.Property(p => p.MiningMethod).HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ReviewNotes).HasMaxLength(4000);
        builder.Property(p => p.ExpertPanel).HasMaxLength(1000);
        builder.HasIndex(p => p.RightId);
    }
}
