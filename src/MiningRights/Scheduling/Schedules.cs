using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>Every scheduled job of the service, registered in this one place.</summary>
public static class Schedules
{
    /// <summary>
    /// The scheduler with every job, run by a hosted service. <paramref name="store"/> moves the schedule into a database
    /// shared by several processes; without it the schedule is kept in memory.
    /// </summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, Action<IQuartzBuilder>? store = null)
    {
        services.AddSingleton<JobGate>();
        services.AddScoped<JobBoard>();
        services.AddSingleton<Audit.AuditChain>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJobListener<JobRunJournal>();
            Register(quartz);
            RegisterAuditSeal(quartz);
            RegisterDaily(quartz);
            store?.Invoke(quartz);
        });
        return services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    private static void Register(IQuartzBuilder quartz)
    {
        quartz.AddJob<DeadlineSweepJob>(job => job.WithIdentity(DeadlineSweepJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(DeadlineSweepJob.Key).WithIdentity("deadline-sweep-trigger")
            .StartAt(Options(sp).RunAtStart ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddSeconds(Options(sp).DeadlineSweepSeconds))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Options(sp).DeadlineSweepSeconds)).RepeatForever()));

        quartz.AddJob<OutboxDeliveryJob>(job => job.WithIdentity(OutboxDeliveryJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(OutboxDeliveryJob.Key).WithIdentity("outbox-delivery-trigger")
            .StartAt(Options(sp).RunAtStart ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddSeconds(Options(sp).OutboxDeliverySeconds))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Options(sp).OutboxDeliverySeconds)).RepeatForever()));
    }

    private static void RegisterAuditSeal(IQuartzBuilder quartz)
    {
        quartz.AddJob<AuditSealJob>(job => job.WithIdentity(AuditSealJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(AuditSealJob.Key).WithIdentity("audit-seal-trigger")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(Options(sp).AuditSealSeconds))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Options(sp).AuditSealSeconds)).RepeatForever()));
    }

    private static void RegisterDaily(IQuartzBuilder quartz)
    {
        quartz.AddJob<PerformanceEvaluationJob>(job => job.WithIdentity(PerformanceEvaluationJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(PerformanceEvaluationJob.Key).WithIdentity("performance-evaluation-trigger")
            .WithCronSchedule(Options(sp).PerformanceEvaluationCron, cron => cron.InTimeZone(Deadlines.ProvinceCalendar.China.Zone)));

        quartz.AddJob<RenewalCoverageJob>(job => job.WithIdentity(RenewalCoverageJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(RenewalCoverageJob.Key).WithIdentity("renewal-coverage-trigger")
            .WithCronSchedule(Options(sp).RenewalCoverageCron, cron => cron.InTimeZone(Deadlines.ProvinceCalendar.China.Zone)));

        quartz.AddJob<QuarterlyVerificationJob>(job => job.WithIdentity(QuarterlyVerificationJob.Key));
        quartz.AddTrigger((sp, trigger) => trigger.ForJob(QuarterlyVerificationJob.Key).WithIdentity("quarterly-verification-trigger")
            .WithCronSchedule(Options(sp).QuarterlyVerificationCron, cron => cron.InTimeZone(Deadlines.ProvinceCalendar.China.Zone)));
    }

    private static JobOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<JobOptions>>().Value;
}
