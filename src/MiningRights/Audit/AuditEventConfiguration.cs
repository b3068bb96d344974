using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Audit;

namespace MiningRights.Audit;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.RuleId).HasMaxLength(16);
        builder.Property(a => a.Detail).HasMaxLength(4000);
        builder.HasIndex(a => a.DossierId);
        builder.Property(a => a.Hash).HasMaxLength(64);

        // One entry at each place of the chain: of two nodes sealing at once, one commits.
        builder.HasIndex(a => a.ChainSequence).IsUnique();
    }
}
