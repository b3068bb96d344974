using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Contracts;

namespace MiningRights.Contracts;

/// <summary>
/// The daily evaluation of contract performance (GS-10b), on a cron schedule in Asia/Shanghai. On several nodes the
/// shared schedule runs it on one; a second run finds nothing new (see <see cref="PerformanceEvaluator"/>).
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PerformanceEvaluationJob(PerformanceEvaluator evaluator, JobGate gate) : IRecurringJob
{
    public const string Id = "performance-evaluation";

    [JobDisplayName("合同履约评估 / Contract performance evaluation")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, () => evaluator.EvaluateAsync(cancellationToken));
}
