using System.Text.Json.Nodes;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>
/// <c>{"activity": "notify", "notice": "planOverdue", "to": ["holder", "inspectors", "authority"], "deadline": "planDue"}</c>:
/// queues the notice for the subject's holder, the inspectors of its location and/or the officers of its registration
/// authority, with the facts of the named deadline. A notice may name the instance's values ({reasons}); a choice is
/// named by its label in the notice's language. Keyed by the journal entry, so a transition queues it once.
/// </summary>
public sealed class NotifyActivity : IWorkflowActivity
{
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
        if (to.Count == 0 || to.Any(t => !NoticeAudiences.All.Contains(t)))
        {
            yield return $"notify needs 'to': a list of {string.Join(", ", NoticeAudiences.All.Select(a => $"\"{a}\""))}";
        }

        var deadline = ActivityParameters.String(parameters, "deadline");
        if (!ActivityParameters.IsDeadline(deadline, definition))
        {
            yield return $"unknown deadline '{deadline}'";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        LocalizedText Fill(LocalizedText text) => new() { Zh = context.Values.Fill(Choices(text.Zh, "zh-CN")), En = context.Values.Fill(Choices(text.En, "en")) };

        // A choice a signal carried is named in the notice's language ({proposal} → 收回矿业权 / Withdrawal of the right), not by its value.
        string Choices(string template, string language)
        {
            foreach (var (name, input) in context.Definition.Definition.Signals.Values.SelectMany(s => s.Inputs).Where(i => i.Value.Type == "choice"))
            {
                if (context.Values.Get(name) is { } value)
                {
                    template = template.Replace("{" + name + "}", input.ValueLabel(value, language), StringComparison.Ordinal);
                }
            }

            return template;
        }

        var noticeName = ActivityParameters.String(parameters, "notice")!;
        // A notice may name the instance's own values ({obligationZh}, {breachEn}, ...) besides the facts every notice states.
        var written = context.Definition.Definition.Notices[noticeName];
        var template = written with { Subject = Fill(written.Subject), Lead = Fill(written.Lead), Action = Fill(written.Action) };
        if (context.DecisionNumber is { } number)
        {
            // A formal decision's notices name its document, which the addressee may ask to review or contest.
            template = template with
            {
                Subject = new LocalizedText { Zh = $"{template.Subject.Zh}（{number}）", En = $"{template.Subject.En} ({number})" },
                Lead = new LocalizedText { Zh = $"决定书文号：{number}。{template.Lead.Zh}", En = $"Decision {number}. {template.Lead.En}" },
            };
        }

        var deadline = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken);
        var facts = NoticeFacts.About(context.Subject, context.Definition.Definition.States[context.Instance.State], deadline,
            context.Cite(template.Rule), context.Calendar, context.NowUtc);
        await context.Notices.QueueAsync(new OutgoingNotice($"journal:{context.Instance.Id}:{context.Entry.Sequence}:{noticeName}", template, facts,
            ActivityParameters.Strings(parameters, "to"), context.Subject, noticeName, context.Instance, deadline?.Id, context.NowUtc), cancellationToken);
    }
}
