using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Policies;

namespace MiningRights.Policies;

public sealed class StoredRulebookConfiguration : IEntityTypeConfiguration<StoredRulebook>
{
    public void Configure(EntityTypeBuilder<StoredRulebook> builder)
    {
        builder.ToTable("Rulebooks");
        builder.HasKey(r => r.ContentHash);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.RulebookId).HasMaxLength(100);
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.Origin).HasMaxLength(16);
        builder.Property(r => r.AddedBy).HasMaxLength(256);
        builder.HasIndex(r => r.Origin);
    }
}
