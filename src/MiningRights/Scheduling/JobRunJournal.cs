using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Data;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Writes a <see cref="JobRun"/> for every run of every job, whatever the job: when it started, how long it took, what it
/// handled (the count its <see cref="JobGate"/> run returned) and how it ended, on the system clock (as the
/// scheduler's next fire times are, even when the demo clock runs ahead or a test holds the service's clock still), keeping the latest
/// <see cref="KeptPerJob"/> of each. A failure to write is logged and never fails the job.
/// </summary>
public sealed class JobRunJournal(IServiceScopeFactory scopes, ILogger<JobRunJournal> logger) : IJobListener
{
    public const int KeptPerJob = 50;

    public string Name => "job-run-journal";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        var run = new JobRun
        {
            Job = job,
            Node = Text.Cut(context.Scheduler.SchedulerInstanceId, 200),
            StartedAtUtc = (DateTimeOffset.UtcNow - context.JobRunTime).UtcDateTime,
            DurationMs = (long)context.JobRunTime.TotalMilliseconds,
            Items = context.Result as int?,
            Outcome = jobException is not null ? JobRunOutcome.Failed : ReferenceEquals(context.Result, JobGate.Skipped) ? JobRunOutcome.Skipped : JobRunOutcome.Succeeded,
            Error = jobException is null ? null : Text.Cut((jobException.InnerException ?? jobException).Message, 2000),
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
            var oldest = await db.JobRuns.Where(r => r.Job == job).OrderByDescending(r => r.StartedAtUtc).Skip(KeptPerJob)
                .Select(r => (DateTime?)r.StartedAtUtc).FirstOrDefaultAsync(CancellationToken.None);
            if (oldest is { } before)
            {
                await db.JobRuns.Where(r => r.Job == job && r.StartedAtUtc <= before).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "The run of job {Job} could not be recorded", job);
        }
    }
}
