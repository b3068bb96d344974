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

    /// <summary>Runs <paramref name="work"/> unless a run of <paramref name="job"/> is already under way here; false when skipped.</summary>
    public async Task<bool> RunAloneAsync(JobKey job, Func<Task> work)
    {
        if (!_running.TryAdd(job, 0))
        {
            return false;
        }

        try
        {
            await work();
            return true;
        }
        finally
        {
            _running.TryRemove(job, out _);
        }
    }
}
