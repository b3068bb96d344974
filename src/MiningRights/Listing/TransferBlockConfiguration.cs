using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Listing;

public sealed class TransferBlockConfiguration : IEntityTypeConfiguration<TransferBlock>
{
    public void Configure(EntityTypeBuilder<TransferBlock> builder)
    {
        builder.ToTable("TransferBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Code).HasMaxLength(40);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Minerals).HasMaxLength(200);
        builder.Property(b => b.CountyCode).HasMaxLength(6);
        builder.Property(b => b.AuthorityCode).HasMaxLength(6);
        builder.Property(b => b.IntendedKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.MineScale).HasMaxLength(16);
        builder.Property(b => b.CombinedSupply).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.QuotaSource).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.TransferMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.IsLive);
        builder.HasIndex(b => new { b.Status, b.PriorityMineral });
        builder.HasIndex(b => b.CountyCode);
        builder.HasIndex(b => b.HolderId);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(b => b.CountyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(b => b.AuthorityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
