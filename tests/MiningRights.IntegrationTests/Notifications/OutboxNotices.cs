using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// Pending notices written straight into the outbox table, as a workflow would have queued them, so that delivery is
/// tested apart from the workflows. The one place these tests depend on the shape of <see cref="Notification"/>.
/// </summary>
internal static class OutboxNotices
{
    public static async Task<List<Guid>> AddAsync(IServiceProvider services, IEnumerable<string> recipients, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        var notices = recipients.Select(recipient =>
        {
            var key = Guid.NewGuid().ToString("N");
            return new Notification
            {
                Key = $"delivery-test:{key}:{recipient}",
                InstanceId = Guid.NewGuid(),
                Stage = "reminder-30",
                RuleId = "GS-9d",
                Recipient = recipient,
                Language = "zh-CN",
                Subject = $"提醒：勘查实施方案将于 30 天后到期 {key}",
                TextBody = $"矿业权：T620000 马鬃山金矿普查\n截止日期：2026-03-01（北京时间当日24时止）\n{key}",
                HtmlBody = $"<!DOCTYPE html><html lang=\"zh-CN\"><body><p>截止日期：2026-03-01</p><p>{key}</p></body></html>",
                CreatedAtUtc = nowUtc,
                NextAttemptAtUtc = nowUtc,
            };
        }).ToList();

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        db.Notifications.AddRange(notices);
        await db.SaveChangesAsync();
        return notices.Select(n => n.Id).ToList();
    }

    public static async Task<Guid> AddAsync(IServiceProvider services, string recipient, DateTimeOffset now) =>
        (await AddAsync(services, [recipient], now)).Single();

    public static async Task<List<Notification>> FindAsync(IServiceProvider services, IReadOnlyCollection<Guid> ids)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
    }

    public static async Task<Notification> FindAsync(IServiceProvider services, Guid id) => (await FindAsync(services, [id])).Single();

    /// <summary>A domain no other test sends to, so that a test reads only its own mail from the shared maildev.</summary>
    public static string NewDomain() => $"delivery-{Guid.NewGuid():N}.test";
}
