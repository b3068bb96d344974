using Quartz;

namespace MiningRights.Scheduling;

/// <summary>Every scheduled job of the service, registered in this one place.</summary>
public static class Schedules
{
    public static void Register(IQuartzBuilder quartz, JobOptions options)
    {
        quartz.AddJob<DeadlineSweepJob>(job => job.WithIdentity(DeadlineSweepJob.Key));
        quartz.AddTrigger(trigger => trigger.ForJob(DeadlineSweepJob.Key).WithIdentity("deadline-sweep-trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.DeadlineSweepSeconds)).RepeatForever()));

        quartz.AddJob<OutboxDeliveryJob>(job => job.WithIdentity(OutboxDeliveryJob.Key));
        quartz.AddTrigger(trigger => trigger.ForJob(OutboxDeliveryJob.Key).WithIdentity("outbox-delivery-trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.OutboxDeliverySeconds)).RepeatForever()));
    }
}
