using MiningRights.Renewals;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Daily: every right in force gets its renewal process if it has none (see <see cref="RenewalTracking"/>). On several
/// nodes the shared schedule fires it on one; a second run finds nothing to start.
/// </summary>
public sealed class RenewalCoverageJob(RenewalTracking renewals, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("renewal-coverage", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, () => renewals.EnsureAllAsync(cancellationToken));
}
