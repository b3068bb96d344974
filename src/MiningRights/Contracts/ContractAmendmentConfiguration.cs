using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Contracts;

namespace MiningRights.Contracts;

public sealed class ContractAmendmentConfiguration : IEntityTypeConfiguration<ContractAmendment>
{
    public void Configure(EntityTypeBuilder<ContractAmendment> builder)
    {
        builder.ToTable("ContractAmendments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ContractId, a.Sequence }).IsUnique();
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.Change).HasMaxLength(8000);
        builder.Property(a => a.RecordedBy).HasMaxLength(256);
        builder.HasOne<TransferContract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
