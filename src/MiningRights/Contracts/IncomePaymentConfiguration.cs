using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Contracts;

namespace MiningRights.Contracts;

public sealed class IncomePaymentConfiguration : IEntityTypeConfiguration<IncomePayment>
{
    public void Configure(EntityTypeBuilder<IncomePayment> builder)
    {
        builder.ToTable("IncomePayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.HasIndex(p => p.InstallmentId);
        builder.HasIndex(p => p.ContractId);
        builder.HasOne<TransferContract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<IncomeInstallment>().WithMany().HasForeignKey(p => p.InstallmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
