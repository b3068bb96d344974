using System.Text.Json.Nodes;
using MiningRights.Notifications;

namespace MiningRights.Workflows.Activities;

/// <summary>
/// <c>{"activity": "notify", "notice": "planOverdue", "to": ["holder", "inspectors"], "deadline": "planDue"}</c>:
/// queues the notice for the holder's contacts and/or the inspectors of the right's county, with the facts of the
/// named deadline. Keyed by the journal entry, so a transition queues it once.
/// </summary>
public sealed class NotifyActivity : IWorkflowActivity
{
    private static readonly string[] Audiences = ["holder", "inspectors"];

    public string Name => "notify";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "notice", "to", "deadline"))
        {
            yield return problem;
        }

        var notice = ActivityParameters.String(parameters, "notice");
        if (notice is null || !definition.Notices.ContainsKey(notice))
        {
            yield return $"notify needs 'notice' naming one of $.notices (got '{notice}')";
        }

        var to = ActivityParameters.Strings(parameters, "to");
        if (to.Count == 0 || to.Any(t => !Audiences.Contains(t)))
        {
            yield return "notify needs 'to': a list of \"holder\" and/or \"inspectors\"";
        }

        var deadline = ActivityParameters.String(parameters, "deadline");
        if (!ActivityParameters.IsDeadline(deadline, definition))
        {
            yield return $"unknown deadline '{deadline}'";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var noticeName = ActivityParameters.String(parameters, "notice")!;
        var template = context.Definition.Definition.Notices[noticeName];
        var deadline = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken);
        var facts = Outbox.Facts(context.Right, context.Holder, context.Definition.Definition.States[context.Instance.State], deadline,
            template.Rule, context.Calendar, context.NowUtc);
        var to = ActivityParameters.Strings(parameters, "to");

        var recipients = new List<Recipient>();
        if (to.Contains("holder"))
        {
            recipients.AddRange(Outbox.HolderContacts(context.Holder));
        }

        if (to.Contains("inspectors"))
        {
            recipients.AddRange(await Outbox.InspectorsForAsync(context.Db, context.Right, cancellationToken));
        }

        foreach (var recipient in recipients.DistinctBy(r => r.Email.ToLowerInvariant()))
        {
            Outbox.Enqueue(context.Db, $"journal:{context.Instance.Id}:{context.Entry.Sequence}:{noticeName}", template, facts,
                recipient, noticeName, context.Right, deadline?.Id, context.NowUtc);
        }
    }
}
