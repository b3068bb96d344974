using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>Queues notices in the outbox of the current unit of work; they commit with the change that caused them.</summary>
public static class Outbox
{
    public static void Enqueue(
        MiningRightsDbContext db,
        string key,
        NoticeDefinition template,
        NoticeFacts facts,
        Recipient recipient,
        string stage,
        WorkflowInstance instance,
        Guid? deadlineId,
        DateTime nowUtc)
    {
        var notice = NoticeComposer.Compose(template, facts, recipient.Language);
        db.QueueInsert(new Notification
        {
            Key = $"{key}:{recipient.Email.ToLowerInvariant()}",
            InstanceId = instance.Id,
            HolderId = instance.HolderId,
            DeadlineId = deadlineId,
            Stage = stage,
            RuleId = facts.Citation.RuleId,
            Recipient = recipient.Email,
            Language = recipient.Language,
            Subject = notice.Subject,
            TextBody = notice.Text,
            HtmlBody = notice.Html,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
        });
    }
}
