using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Scheduling;

namespace MiningRights.Notifications;

/// <summary>
/// Delivers pending notices. Each is claimed with a conditional update (status pending, attempt due) that moves its
/// next attempt past the claim period, so two processes never send the same notice; a failure schedules a retry with
/// exponential backoff, and after the configured attempts the notice is marked dead. Nothing is deleted.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailSender sender,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    IOptions<JobOptions> jobs,
    ILogger<OutboxDispatcher> logger)
{
    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken ct)
    {
        int sent = 0, retrying = 0, dead = 0;
        var seen = new HashSet<Guid>();
        while (!ct.IsCancellationRequested)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.Notifications.AsNoTracking()
                .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAtUtc <= now)
                .OrderBy(n => n.NextAttemptAtUtc)
                .Take(jobs.Value.DeliveryBatchSize)
                .ToListAsync(ct);
            due = due.Where(n => seen.Add(n.Id)).ToList();
            if (due.Count == 0)
            {
                break;
            }

            foreach (var notification in due)
            {
                var claimedUntil = now.AddSeconds(options.Value.ClaimSeconds);
                var claimed = await db.Notifications
                    .Where(n => n.Id == notification.Id && n.Status == NotificationStatus.Pending && n.Attempts == notification.Attempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.NextAttemptAtUtc, claimedUntil).SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
                if (claimed == 0)
                {
                    continue;
                }

                var attempts = notification.Attempts + 1;
                try
                {
                    await sender.SendAsync(notification, ct);
                    await db.Notifications.Where(n => n.Id == notification.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sent)
                            .SetProperty(n => n.SentAtUtc, time.GetUtcNow().UtcDateTime)
                            .SetProperty(n => n.LastError, (string?)null), ct);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var give = attempts >= options.Value.MaxAttempts;
                    var error = ex.GetBaseException().Message;
                    var next = time.GetUtcNow().UtcDateTime + options.Value.RetryDelay(attempts);
                    await db.Notifications.Where(n => n.Id == notification.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, give ? NotificationStatus.Dead : NotificationStatus.Pending)
                            .SetProperty(n => n.NextAttemptAtUtc, next)
                            .SetProperty(n => n.LastError, error.Length > 2000 ? error[..2000] : error), CancellationToken.None);
                    if (give)
                    {
                        dead++;
                        logger.LogError("Notice {NotificationId} to {Recipient} is dead after {Attempts} attempts: {Error}", notification.Id, notification.Recipient, attempts, error);
                    }
                    else
                    {
                        retrying++;
                        logger.LogWarning("Notice {NotificationId} attempt {Attempts} failed, retry at {Next:o}: {Error}", notification.Id, attempts, next, error);
                    }
                }
            }
        }

        return new DeliveryResult(sent, retrying, dead);
    }
}
