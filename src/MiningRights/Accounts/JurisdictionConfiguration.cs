using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;

namespace MiningRights.Accounts;

public sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.ToTable("Jurisdictions");
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
