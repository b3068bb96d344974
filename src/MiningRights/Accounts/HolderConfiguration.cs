using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;

namespace MiningRights.Accounts;

public sealed class HolderConfiguration : IEntityTypeConfiguration<Holder>
{
    public void Configure(EntityTypeBuilder<Holder> builder)
    {
        builder.ToTable("Holders");
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
