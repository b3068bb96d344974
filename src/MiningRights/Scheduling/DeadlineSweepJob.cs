using MiningRights.Deadlines;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>Runs the deadline sweep. Safe to run twice at once or in two processes: see <see cref="DeadlineSweeper"/>.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSweepJob(DeadlineSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
