using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

/// <summary>The notice of one reminder stage of a deadline, to whoever the deadline reminds; keyed by deadline and stage so it is queued once.</summary>
public static class ReminderNotices
{
    public static async Task QueueAsync(
        MiningRightsDbContext db,
        Recipients recipients,
        Deadline deadline,
        int daysBefore,
        WorkflowInstance instance,
        LoadedDefinition definition,
        Subject subject,
        Policies.Citation citation,
        DateTime now,
        CancellationToken ct)
    {
        var spec = definition.Definition.Deadlines[deadline.Name];
        if (spec.ReminderNotice is null)
        {
            return;
        }

        var template = definition.Definition.Notices[spec.ReminderNotice];
        var state = definition.Definition.States[instance.State];
        var facts = Outbox.Facts(subject, state, deadline, citation, ProvinceCalendar.China, now);
        var stage = Deadline.ReminderStage(daysBefore);
        foreach (var recipient in await recipients.ForAsync(spec.Remind, subject, ct))
        {
            Outbox.Enqueue(db, $"deadline:{deadline.Id}:{stage}", template, facts, recipient, stage, instance, deadline.Id, now);
        }
    }
}
