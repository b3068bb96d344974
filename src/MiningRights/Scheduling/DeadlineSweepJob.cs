using MiningRights.Deadlines;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Runs the deadline sweep. Runs on several nodes of a cluster may overlap (a fire lands on whichever node takes it): they
/// split the due deadlines between them through their claims (see <see cref="DeadlineSweeper"/>). Within one process a
/// run is skipped while the last is still busy: a sweep already works until nothing is due.
/// </summary>
public sealed class DeadlineSweepJob(DeadlineSweeper sweeper, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, async () => (await sweeper.SweepAsync(cancellationToken)).Handled);
}
