using System.Collections.Concurrent;

namespace MiningRights.Scheduling;

/// <summary>
/// At most one run of each job at a time in this process. Runs may overlap across the nodes of a cluster, where their
/// claims split the due work; within one process a run that finds the previous one still busy is skipped, so a backlog
/// never stacks runs (each with its own workers and SMTP connections) beyond the node's configured parallelism.
/// </summary>
public sealed class JobGate
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/> unless a run of <paramref name="job"/> is already under way here. The answer is what
    /// the job dashboard shows as the run's result: the number of items the work handled, or that the run was skipped.
    /// </summary>
    public async Task<string> RunAloneAsync(string job, Func<Task<int>> work)
    {
        if (!_running.TryAdd(job, 0))
        {
            return "skipped: the previous run on this node is still busy / 已跳过：本节点上一次运行尚未结束";
        }

        try
        {
            var items = await work();
            return $"{items} handled / 处理 {items} 项";
        }
        finally
        {
            _running.TryRemove(job, out _);
        }
    }
}
