using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Decisions;
using MiningRights.Workflows;

namespace MiningRights.Decisions;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("Decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Number).HasMaxLength(DecisionRecorder.MaxNumberLength);
        builder.Property(d => d.AuthorityCode).HasMaxLength(6);
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.Signal).HasMaxLength(100);
        builder.Property(d => d.SubjectKind).HasMaxLength(32);
        builder.Property(d => d.SubjectLabel).HasMaxLength(100);
        builder.Property(d => d.TitleZh).HasMaxLength(200);
        builder.Property(d => d.TitleEn).HasMaxLength(200);
        builder.Property(d => d.ConsequenceZh).HasMaxLength(1000);
        builder.Property(d => d.ConsequenceEn).HasMaxLength(1000);
        builder.Property(d => d.Facts).HasMaxLength(DecisionRecorder.MaxFactsLength);
        builder.Property(d => d.Terms).HasMaxLength(DecisionRecorder.MaxFactsLength);
        builder.Property(d => d.RuleId).HasMaxLength(16);
        builder.Property(d => d.Citation).HasMaxLength(Policies.Citation.MaxTextLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);

        // The number is unique everywhere; the service's serials are unique within the authority and year, which is
        // what makes two racing decisions end with one number each (the loser is refused and writes nothing).
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => new { d.AuthorityCode, d.Year, d.Serial }).IsUnique();
        builder.HasIndex(d => d.InstanceId);
        builder.HasIndex(d => d.RightId);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(d => d.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
