using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Deadlines;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

/// <summary>
/// Runs the deadline sweep. Runs on several nodes of a cluster may overlap (a run lands on whichever node's worker takes
/// it): they split the due deadlines between them through their claims (see <see cref="DeadlineSweeper"/>). Within one
/// process a run is skipped while the last is still busy: a sweep already works until nothing is due.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DeadlineSweepJob(DeadlineSweeper sweeper, JobGate gate) : IRecurringJob
{
    public const string Id = "deadline-sweep";

    [JobDisplayName("期限巡检（提醒与到期） / Deadline sweep (reminders and expiries)")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, async () => (await sweeper.SweepAsync(cancellationToken)).Handled);
}
