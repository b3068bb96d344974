using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Actor).HasMaxLength(256);
        builder.Property(j => j.Trigger).HasMaxLength(128);
        builder.Property(j => j.FromState).HasMaxLength(100);
        builder.Property(j => j.ToState).HasMaxLength(100);
        builder.Property(j => j.RuleId).HasMaxLength(16);
        builder.Property(j => j.Note).HasMaxLength(JournalEntry.MaxNoteLength);
        builder.Property(j => j.Citation).HasMaxLength(Policies.Citation.MaxTextLength);
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
    }
}
