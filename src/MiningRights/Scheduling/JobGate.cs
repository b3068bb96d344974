using System.Collections.Concurrent;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// At most one run of each job at a time in this process. Runs may overlap across the nodes of a cluster, where their
/// claims split the due work; within one process a fire that finds the previous run still busy is skipped, so a backlog
/// never stacks runs (each with its own workers and SMTP connections) beyond the node's configured parallelism.
/// </summary>
public sealed class JobGate
{
    private readonly ConcurrentDictionary<JobKey, byte> _running = new();

    /// <summary>The result of a run skipped because the last was still busy (see <see cref="JobRunJournal"/>).</summary>
    public static readonly object Skipped = new();

    /// <summary>
    /// Runs <paramref name="work"/> unless a run of the context's job is already under way here; the run's result is the
    /// number of items the work handled, or <see cref="Skipped"/>.
    /// </summary>
    public async Task RunAloneAsync(IJobExecutionContext context, Func<Task<int>> work)
    {
        var job = context.JobDetail.Key;
        if (!_running.TryAdd(job, 0))
        {
            context.Result = Skipped;
            return;
        }

        try
        {
            context.Result = await work();
        }
        finally
        {
            _running.TryRemove(job, out _);
        }
    }
}
