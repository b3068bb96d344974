namespace MiningRights.Scheduling;

/// <summary>
/// A recurring job as a feature declares it (<see cref="Schedules.AddRecurringJob{TJob}"/>): its id, its schedule read
/// from <see cref="JobOptions"/> (cron in the province's time zone), and whether the start of the service runs it at
/// once when <see cref="JobOptions.RunAtStart"/>.
/// </summary>
public sealed record ScheduledJob(string Id, Type Job, Func<JobOptions, string> Cron, bool RunsAtStart);
