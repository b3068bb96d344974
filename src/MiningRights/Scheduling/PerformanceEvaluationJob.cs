using MiningRights.Contracts;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// The daily evaluation of contract performance (GS-10b), on a cron schedule in Asia/Shanghai. On several nodes the
/// shared schedule fires it on one; a second run finds nothing new (see <see cref="PerformanceEvaluator"/>).
/// </summary>
public sealed class PerformanceEvaluationJob(PerformanceEvaluator evaluator, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("performance-evaluation", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, () => evaluator.EvaluateAsync(cancellationToken));
}
