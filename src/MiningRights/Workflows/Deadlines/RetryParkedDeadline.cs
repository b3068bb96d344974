using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

/// <summary>An administrator puts a parked deadline back in the sweep (after fixing what made it fail).</summary>
public sealed class RetryParkedDeadline(MiningRightsDbContext db, WorkflowRuntime runtime)
{
    public async Task<Deadline> HandleAsync(Guid deadlineId, CancellationToken ct)
    {
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId, ct) ?? throw RefusalException.NotFound($"Deadline {deadlineId}", $"期限 {deadlineId}");
        if (deadline.ParkedAtUtc is null)
        {
            throw RefusalException.Conflict($"Deadline {deadlineId} is not parked.", $"期限 {deadlineId} 未处于挂起状态。");
        }

        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == deadline.InstanceId, ct);
        deadline.ParkedAtUtc = null;
        deadline.Attempts = 0;
        deadline.Version++;
        deadline.Schedule(ProvinceCalendar.China, runtime.ParametersOf(instance).ReminderHour);
        await db.SaveChangesAsync(ct);
        return deadline;
    }
}
