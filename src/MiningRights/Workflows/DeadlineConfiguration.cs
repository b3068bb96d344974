using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Deadlines;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

public sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.RuleId).HasMaxLength(16);
        builder.Property(d => d.WhatZh).HasMaxLength(300);
        builder.Property(d => d.WhatEn).HasMaxLength(300);
        builder.Property(d => d.ReminderDays).HasMaxLength(100);
        builder.Property(d => d.StagesDone).HasMaxLength(100);
        builder.Property(d => d.NextStage).HasMaxLength(32);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.JurisdictionCode).HasMaxLength(6);
        builder.Property(d => d.AuthorityCode).HasMaxLength(6);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Reminders);
        builder.Ignore(d => d.Done);

        // The sweep reads only rows whose next action is due: its cost follows the due items, not the rights.
        builder.HasIndex(d => d.NextActionAtUtc);
        builder.HasIndex(d => new { d.HolderId, d.State, d.DueOn });

        // A daily judge of duties reads the running deadlines of one name whose day has passed (PassedDeadlines).
        builder.HasIndex(d => new { d.Name, d.ProcessFinishedAtUtc, d.DueOn, d.InstanceId });

        // The overview reads the open duties due in a window, and the overdue ones, of every holder at once: from this
        // index alone (whether the process still runs, place, authority, the instance and what is due beside each due day).
        builder.HasIndex(d => new { d.State, d.DueOn, d.Escalation, d.ProcessFinishedAtUtc, d.JurisdictionCode, d.AuthorityCode, d.InstanceId, d.WhatZh, d.WhatEn })
            .HasDatabaseName("IX_Deadlines_Overview");
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(d => d.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
