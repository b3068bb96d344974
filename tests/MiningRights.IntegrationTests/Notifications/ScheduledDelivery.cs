using Microsoft.Extensions.DependencyInjection;
using MiningRights.Scheduling;
using Quartz;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// The delivery job fires once as the service starts. Tests that count what one dispatcher call delivers pause it
/// first, so that the job cannot take some of their notices.
/// </summary>
internal static class ScheduledDelivery
{
    public static async Task PauseAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.PauseJob(OutboxDeliveryJob.Key);

        // A run that began before the pause ends first: wait for a quiet spell, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var quiet = 0; quiet < 4;)
        {
            var running = (await scheduler.QueryFireInstances(new FireInstanceQuery { Job = OutboxDeliveryJob.Key })).Items.Count > 0;
            quiet = running ? 0 : quiet + 1;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The delivery job started with the service did not finish within 30 seconds.");
            }

            await Task.Delay(50);
        }
    }
}
