using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Scheduling;

namespace MiningRights.Workflows;

internal static class DeadlineFailures
{
    /// <summary>In a unit of work of its own (the failed one is thrown away): count the attempt, back off, park when they run out.</summary>
    public static async Task RecordAsync(IServiceScopeFactory scopes, IOptions<JobOptions> jobs, ILogger logger, Guid id, Exception error, DateTime now, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == id, ct);
            if (deadline is null)
            {
                return;
            }

            deadline.Attempts++;
            deadline.LastError = Text.Cut($"{error.GetType().Name}: {error.Message}", 1990);
            deadline.Version++;
            if (deadline.Attempts >= jobs.Value.ItemMaxAttempts)
            {
                deadline.ParkedAtUtc = now;
                deadline.NextActionAtUtc = null;
                logger.LogError(error, "Deadline {DeadlineId} parked after {Attempts} failed attempts; an administrator can retry it", id, deadline.Attempts);
            }
            else
            {
                deadline.NextActionAtUtc = now + jobs.Value.ItemRetryDelay(deadline.Attempts);
                logger.LogWarning(error, "Deadline {DeadlineId} failed (attempt {Attempts}); retry at {Next:o}", id, deadline.Attempts, deadline.NextActionAtUtc);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the failure of deadline {DeadlineId}", id);
        }
    }
}
