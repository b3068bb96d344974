using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>The runs of a scheduled job as the service's job storage keeps them (what its dashboard lists).</summary>
internal static class JobRuns
{
    /// <summary>The finished runs of <typeparamref name="TJob"/>, newest first, with the result each returned.</summary>
    public static IReadOnlyList<SucceededJobDto> Succeeded<TJob>(IServiceProvider services) =>
        Monitor(services).SucceededJobs(0, 500).Select(j => j.Value).Where(j => j.Job?.Type == typeof(TJob)).ToList();

    /// <summary>Whether a run of <typeparamref name="TJob"/> waits in the queue or is running.</summary>
    public static bool Pending<TJob>(IServiceProvider services)
    {
        var monitor = Monitor(services);
        return monitor.ProcessingJobs(0, 500).Any(j => j.Value.Job?.Type == typeof(TJob))
            || monitor.Queues().Any(q => monitor.EnqueuedJobs(q.Name, 0, 500).Any(j => j.Value.Job?.Type == typeof(TJob)));
    }

    /// <summary>Waits until <typeparamref name="TJob"/> has finished at least <paramref name="count"/> runs; they are returned newest first.</summary>
    public static async Task<IReadOnlyList<SucceededJobDto>> WaitForAsync<TJob>(IServiceProvider services, int count = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var runs = Succeeded<TJob>(services);
            if (runs.Count >= count)
            {
                return runs;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{typeof(TJob).Name} finished {runs.Count} of {count} runs within {seconds} s.");
            }

            await Task.Delay(100);
        }
    }

    private static Hangfire.Storage.IMonitoringApi Monitor(IServiceProvider services) =>
        services.GetRequiredService<JobStorage>().GetMonitoringApi();
}
