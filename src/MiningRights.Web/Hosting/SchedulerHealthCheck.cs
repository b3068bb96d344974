using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiningRights.Scheduling;

namespace MiningRights.Web.Hosting;

/// <summary>
/// Healthy while this process's job server is registered in the job storage with a recent heartbeat, so that it takes
/// the deadline sweep, the outbox delivery and the other jobs when they fall due.
/// </summary>
public sealed class SchedulerHealthCheck(JobStorage storage, ScheduleNode node) : IHealthCheck
{
    /// <summary>Longer than Hangfire's heartbeat interval (30 s) with room for a slow one.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(90);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var server = storage.GetMonitoringApi().Servers()
                .FirstOrDefault(s => s.Name.StartsWith(node.Name + ":", StringComparison.Ordinal));
            return Task.FromResult(server switch
            {
                null => HealthCheckResult.Unhealthy($"Scheduler not running: job server {node.Name} is not registered."),
                { Heartbeat: { } beat } when DateTime.UtcNow - beat > Silence => HealthCheckResult.Unhealthy($"Scheduler silent since {beat:O}."),
                _ => HealthCheckResult.Healthy("Scheduler running."),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Scheduler unreachable: its job storage did not answer.", e));
        }
    }
}
