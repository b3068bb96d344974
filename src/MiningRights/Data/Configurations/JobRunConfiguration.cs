using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Scheduling;

namespace MiningRights.Data.Configurations;

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Job).HasMaxLength(100);
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Job, r.StartedAtUtc });
    }
}
