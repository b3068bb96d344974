using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Listing;

public sealed class TransferPlanConfiguration : IEntityTypeConfiguration<TransferPlan>
{
    public void Configure(EntityTypeBuilder<TransferPlan> builder)
    {
        builder.ToTable("TransferPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.JurisdictionCode).HasMaxLength(6);
        builder.HasIndex(p => new { p.JurisdictionCode, p.Year }).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Left);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(p => p.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
