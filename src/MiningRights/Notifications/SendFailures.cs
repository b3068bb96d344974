using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>A send that failed: retried with backoff, or dead when the attempts run out or the server refuses it for good.</summary>
internal static class SendFailures
{
    public static async Task RecordAsync(MiningRightsDbContext db, ClaimedNotice claim, Exception failure, DeliveryRun run, TimeProvider time, IOptions<OutboxOptions> options,
        ILogger logger)
    {
        var notice = claim.Notification;
        // Refused for good by the mail server (a 5xx for this notice): dead now, with the server's reply.
        var refused = failure as MailRefusedException;
        var give = refused?.Permanent == true || claim.Attempts >= options.Value.MaxAttempts;
        var error = refused?.Message ?? failure.GetBaseException().Message;
        var next = time.GetUtcNow().UtcDateTime + options.Value.RetryDelay(claim.Attempts);
        try
        {
            // Only while the claim is still this process's: never turn a notice another process has sent back into pending.
            await db.Notifications
                .Where(n => n.Id == notice.Id && n.Status == NotificationStatus.Pending && n.Attempts == claim.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, give ? NotificationStatus.Dead : NotificationStatus.Pending)
                    .SetProperty(n => n.NextAttemptAtUtc, next)
                    .SetProperty(n => n.LastError, error.Length > 2000 ? error[..2000] : error), CancellationToken.None);
        }
        catch (Exception ex)
        {
            run.CountRetrying();
            logger.LogError(ex, "Notice {NotificationId} attempt {Attempts} failed ({Error}) and the failure could not be recorded; it is retried when its claim lapses", notice.Id, claim.Attempts, error);
            return;
        }

        if (give)
        {
            run.CountDead();
            logger.LogError("Notice {NotificationId} to {Recipient} is dead after {Attempts} attempts{Refused}: {Error}", notice.Id, notice.Recipient, claim.Attempts,
                refused?.Permanent == true ? ", refused for good by the mail server" : string.Empty, error);
        }
        else
        {
            run.CountRetrying();
            logger.LogWarning("Notice {NotificationId} attempt {Attempts} failed, retry at {Next:o}: {Error}", notice.Id, claim.Attempts, next, error);
        }
    }
}
