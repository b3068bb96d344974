using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace MiningRights.Web.Hosting;

/// <summary>Healthy while the Quartz scheduler runs the deadline sweep and the outbox delivery.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("Scheduler running.")
            : HealthCheckResult.Unhealthy($"Scheduler is {status}.");
    }
}
