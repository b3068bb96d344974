using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;
using MiningRights.Scheduling;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// The delivery job runs once as the service starts. Tests that count what one dispatcher call delivers take it off
/// the schedule first, so that the job cannot take some of their notices.
/// </summary>
internal static class ScheduledDelivery
{
    public static async Task PauseAsync(IServiceProvider services)
    {
        services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(OutboxDeliveryJob.Id);

        // A run queued or begun before that ends first: wait for a quiet spell, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var quiet = 0; quiet < 4;)
        {
            quiet = JobRuns.Pending<OutboxDeliveryJob>(services) ? 0 : quiet + 1;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The delivery job started with the service did not finish within 30 seconds.");
            }

            await Task.Delay(50);
        }
    }
}
