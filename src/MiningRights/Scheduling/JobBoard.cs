using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>The scheduled jobs as administrators read them: each with its schedule, next fire time and latest runs; and "run now".</summary>
public sealed class JobBoard(ISchedulerFactory schedulers, MiningRightsDbContext db)
{
    public const int RunsShown = 10;

    public sealed record JobView(string Name, string Schedule, DateTimeOffset? NextFireAtUtc, DateTimeOffset? PreviousFireAtUtc, IReadOnlyList<RunView> Runs);

    public sealed record RunView(string Node, DateTime StartedAtUtc, long DurationMs, int? Items, JobRunOutcome Outcome, string? Error);

    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var runs = (await db.JobRuns.AsNoTracking().ToListAsync(ct))
            .GroupBy(r => r.Job)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.StartedAtUtc).Take(RunsShown)
                .Select(r => new RunView(r.Node, r.StartedAtUtc, r.DurationMs, r.Items, r.Outcome, r.Error)).ToList(), StringComparer.Ordinal);
        var jobs = new List<JobView>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var triggers = await scheduler.GetTriggersOfJob(key, ct);
            var schedule = string.Join("; ", triggers.Select(t => t switch
            {
                ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
                ISimpleTrigger simple => $"every {simple.RepeatInterval.TotalSeconds:0} s",
                _ => t.GetType().Name,
            }));
            jobs.Add(new JobView(key.Name, schedule, triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                triggers.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max(), runs.GetValueOrDefault(key.Name) ?? []));
        }

        return jobs;
    }

    /// <summary>Fires the job now, on whichever node takes it; unknown names are not found.</summary>
    public async Task RunNowAsync(string name, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).FirstOrDefault(k => k.Name == name)
            ?? throw RefusalException.NotFound($"Job {Text.Cut(name)}", $"定时任务 {Text.Cut(name)}");
        await scheduler.TriggerJob(key, ct);
    }
}
