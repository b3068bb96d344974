using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Contracts;

namespace MiningRights.Contracts;

public sealed class IncomeInstallmentConfiguration : IEntityTypeConfiguration<IncomeInstallment>
{
    public void Configure(EntityTypeBuilder<IncomeInstallment> builder)
    {
        builder.ToTable("IncomeInstallments");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ContractId, i.Sequence }).IsUnique();
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.Property(i => i.Revenue).HasPrecision(18, 2);
        builder.Property(i => i.PaidAmount).HasPrecision(18, 2);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Outstanding);
        builder.HasOne<TransferContract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
