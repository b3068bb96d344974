using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Workflows;
using MiningRights.Rights;

namespace MiningRights.Rights;

public sealed class MiningRightConfiguration : IEntityTypeConfiguration<MiningRight>
{
    public void Configure(EntityTypeBuilder<MiningRight> builder)
    {
        builder.ToTable("Rights");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.LicenseNumber).HasMaxLength(64);
        builder.HasIndex(r => r.LicenseNumber).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TransferMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ProjectName).HasMaxLength(200);
        builder.Property(r => r.Minerals).HasMaxLength(200);
        builder.Property(r => r.LocationCountyCode).HasMaxLength(6);
        builder.Property(r => r.AuthorityCode).HasMaxLength(6);
        builder.Property(r => r.ProvisionalRuleId).HasMaxLength(16);
        builder.Property(r => r.MiningMethod).HasMaxLength(16);
        builder.Property(r => r.MineScale).HasMaxLength(16);
        builder.Ignore(r => r.IsPubliclyTransferred);
        builder.Ignore(r => r.ProvinceCode);
        builder.HasIndex(r => r.HolderId);
        builder.HasIndex(r => r.LocationCountyCode);
        builder.HasIndex(r => r.AuthorityCode);

        // The overview counts rights by place, status, kind and expiry from this index alone (SQLite scans it without
        // reading the rows).
        builder.HasIndex(r => new { r.LocationCountyCode, r.AuthorityCode, r.Status, r.Kind, r.ExpiresOn }).HasDatabaseName("IX_Rights_Overview");
        builder.HasIndex(r => r.ExpiresOn);

        // The rights in force by the month they expire, and those whose renewal is due, are read from this index alone:
        // one range of expiry days for each status in force, with the place, the authority and the id beside each day.
        builder.HasIndex(r => new { r.Status, r.ExpiresOn, r.LocationCountyCode, r.AuthorityCode, r.Id }).HasDatabaseName("IX_Rights_InForce_Expiry");
        builder.HasOne<Holder>().WithMany().HasForeignKey(r => r.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.LocationCountyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.AuthorityCode).OnDelete(DeleteBehavior.Restrict);
        // The processes that run on a right point to it; configured here, where rights are known, not in the runtime.
        builder.HasMany<WorkflowInstance>().WithOne().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
