namespace MiningRights.Scheduling;

/// <summary>A job a feature runs on a schedule; it returns what it handled, which the job dashboard shows as the run's result.</summary>
public interface IRecurringJob
{
    Task<string> RunAsync(CancellationToken cancellationToken);
}
