using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Cases;

namespace MiningRights.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.JurisdictionCode).HasMaxLength(6);
        builder.Property(c => c.RuleId).HasMaxLength(16);
        builder.Property(c => c.Citation).HasMaxLength(Policies.Citation.MaxTextLength);
        builder.Property(c => c.TitleZh).HasMaxLength(300);
        builder.Property(c => c.TitleEn).HasMaxLength(300);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AuthorityCode).HasMaxLength(6);
        builder.Property(c => c.Disposition).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => new { c.JurisdictionCode, c.Status });
        builder.HasIndex(c => c.RightId);

        // The overview leaves out the duties whose case is closed: looked up by the duty's instance.
        builder.HasIndex(c => new { c.InstanceId, c.Status });
    }
}
