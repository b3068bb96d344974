using MiningRights.Deadlines;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Runs the deadline sweep. Runs may overlap, in one process or on several nodes of a cluster (a fire lands on whichever
/// node takes it): they split the due deadlines between them through their claims (see <see cref="DeadlineSweeper"/>).
/// </summary>
public sealed class DeadlineSweepJob(DeadlineSweeper sweeper) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
