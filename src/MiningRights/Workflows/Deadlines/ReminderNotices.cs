using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>The notice of one reminder stage of a deadline, to whoever the deadline reminds; keyed by deadline and stage so it is queued once.</summary>
public static class ReminderNotices
{
    public static async Task QueueAsync(
        INoticeOutbox outbox,
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
        var facts = NoticeFacts.About(subject, state, deadline, citation, ProvinceCalendar.China, now);
        var stage = Deadline.ReminderStage(daysBefore);
        await outbox.QueueAsync(new OutgoingNotice($"deadline:{deadline.Id}:{stage}", template, facts, spec.Remind, subject, stage, instance, deadline.Id, now), ct);
    }
}
