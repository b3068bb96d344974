using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MiningRights.Notifications;

namespace MiningRights.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Key).HasMaxLength(400);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Property(n => n.Stage).HasMaxLength(64);
        builder.Property(n => n.RuleId).HasMaxLength(16);
        builder.Property(n => n.Recipient).HasMaxLength(256);
        builder.Property(n => n.Language).HasMaxLength(8);
        builder.Property(n => n.Subject).HasMaxLength(500);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAtUtc });
        builder.HasIndex(n => n.InstanceId);
    }
}
