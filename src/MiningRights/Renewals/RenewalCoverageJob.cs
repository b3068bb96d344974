using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Renewals;

namespace MiningRights.Renewals;

/// <summary>
/// Daily: every right in force gets its renewal process if it has none (see <see cref="RenewalTracking"/>). On several
/// nodes the shared schedule runs it on one; a second run finds nothing to start.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RenewalCoverageJob(RenewalTracking renewals, JobGate gate) : IRecurringJob
{
    public const string Id = "renewal-coverage";

    [JobDisplayName("延续跟踪补全 / Renewal tracking for every right in force")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, () => renewals.EnsureAllAsync(cancellationToken));
}
