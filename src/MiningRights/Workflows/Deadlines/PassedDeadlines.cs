using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// The running instances whose deadline has fallen due before a day, read from the deadlines' due dates (indexed by
/// name, whether the process runs and day), so a daily judge of duties reads what has passed, not every instance. A
/// deadline opened again (a report rejected, a duty resumed) or moved (an extension) counts by its own day; an
/// extension granted while no deadline ran is only on the instance, so callers confirm the day with
/// <see cref="InstanceValues.DueOn"/>, which is never earlier.
/// </summary>
public static class PassedDeadlines
{
    extension(MiningRightsDbContext db)
    {
        public IQueryable<WorkflowInstance> InstancesPast(string deadline, DateOnly day, IReadOnlyCollection<string> workflows) =>
            db.WorkflowInstances.Where(i => db.Set<Deadline>()
                    .Where(d => d.Name == deadline && d.ProcessFinishedAtUtc == null && d.DueOn < day)
                    .Select(d => d.InstanceId)
                    .Contains(i.Id)
                && workflows.Contains(i.DefinitionId) && !i.Finished);
    }
}
