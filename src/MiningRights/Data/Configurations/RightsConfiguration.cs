using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;

namespace MiningRights.Data.Configurations;

public sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.HasKey(j => j.Code);
        builder.Property(j => j.Code).HasMaxLength(6);
        builder.Property(j => j.ParentCode).HasMaxLength(6);
        builder.Property(j => j.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.NameZh).HasMaxLength(64);
        builder.Property(j => j.NameEn).HasMaxLength(128);
        builder.Ignore(j => j.ProvinceCode);
        builder.HasIndex(j => j.ParentCode);
    }
}

public sealed class HolderConfiguration : IEntityTypeConfiguration<Holder>
{
    public void Configure(EntityTypeBuilder<Holder> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.CreditCode).HasMaxLength(18);
        builder.HasIndex(h => h.CreditCode).IsUnique();
        builder.Property(h => h.NameZh).HasMaxLength(200);
        builder.Property(h => h.NameEn).HasMaxLength(200);
        builder.Property(h => h.Language).HasMaxLength(8);
        builder.Property(h => h.ContactEmails).HasMaxLength(1000);
        builder.Ignore(h => h.Contacts);
    }
}

public sealed class MiningRightConfiguration : IEntityTypeConfiguration<MiningRight>
{
    public void Configure(EntityTypeBuilder<MiningRight> builder)
    {
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
        builder.HasOne<Holder>().WithMany().HasForeignKey(r => r.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.LocationCountyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(r => r.AuthorityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
