using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Contracts;

public sealed class TransferContractConfiguration : IEntityTypeConfiguration<TransferContract>
{
    public void Configure(EntityTypeBuilder<TransferContract> builder)
    {
        builder.ToTable("TransferContracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(64);
        builder.HasIndex(c => c.Number).IsUnique();
        // One contract in force per block; voided ones stay as the record of a transfer that did not go through.
        // Contracts without a block (or, below, a right) are left out by name: SQL Server's unique indexes, unlike
        // PostgreSQL's and SQLite's, take two nulls for the same value.
        builder.HasIndex(c => c.BlockId).IsUnique().HasFilter("\"VoidedAtUtc\" IS NULL AND \"BlockId\" IS NOT NULL");
        // And one per right: a right registered under a transfer has its contract, one registered before may have one entered.
        builder.HasIndex(c => c.RightId).IsUnique().HasFilter("\"VoidedAtUtc\" IS NULL AND \"RightId\" IS NOT NULL");
        builder.Ignore(c => c.IsVoid);
        builder.HasIndex(c => c.HolderId);
        builder.Property(c => c.AuthorityCode).HasMaxLength(6);
        builder.Property(c => c.Collection).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.TotalIncome).HasPrecision(18, 2);
        builder.Property(c => c.RatePercent).HasPrecision(9, 4);
        builder.Property(c => c.SignedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<TransferBlock>().WithMany().HasForeignKey(c => c.BlockId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Holder>().WithMany().HasForeignKey(c => c.HolderId).OnDelete(DeleteBehavior.Restrict);
    }
}
