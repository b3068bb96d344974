using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Contracts;

namespace MiningRights.Contracts;

public sealed class ContractClauseConfiguration : IEntityTypeConfiguration<ContractClause>
{
    public void Configure(EntityTypeBuilder<ContractClause> builder)
    {
        builder.ToTable("ContractClauses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.HasIndex(c => new { c.ContractId, c.Number }).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.TextZh).HasMaxLength(4000);
        builder.Property(c => c.TextEn).HasMaxLength(4000);
        builder.Property(c => c.AmountYuan).HasPrecision(18, 2);
        builder.HasOne<TransferContract>().WithMany().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
