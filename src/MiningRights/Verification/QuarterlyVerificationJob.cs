using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Accounts;
using MiningRights.Verification;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>
/// At the start of each quarter (Asia/Shanghai, <c>Jobs:QuarterlyVerificationCron</c>): the verification batches of the
/// quarter for every registration authority (GS-9b). Run again it adds only what was missing (see
/// <see cref="QuarterlyVerification"/>).
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class QuarterlyVerificationJob(QuarterlyVerification verification, JobGate gate) : IRecurringJob
{
    public const string Id = "quarterly-verification";

    [JobDisplayName("季度核查 / Quarterly verification")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, async () =>
            (await verification.RunAsync(null, Actor.System("quarterly verification"), cancellationToken)).Sum(o => o.Added));
}
