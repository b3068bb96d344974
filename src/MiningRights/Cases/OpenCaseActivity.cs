using System.Text.Json.Nodes;
using MiningRights.Rights;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Cases;

/// <summary>
/// <c>{"activity": "openCase", "title": {"zh-CN": ..., "en": ...}, "severity": 3, "rule": "provisionalLicense", "dueDate": "missedDue", "workflow": "case"}</c>:
/// opens the inspectors' case about the subject's right, one per instance and journal entry, with the citation of its
/// rule as on the day, and starts the case's own workflow (subject: the case) in the same unit of work; the case keeps
/// the day its duty arose, and so the rules it arose under.
/// </summary>
public sealed class OpenCaseActivity : IWorkflowActivity
{
    public string Name => "openCase";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "title", "severity", "rule", "deadline", "dueDate", "workflow")
            .Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }

        if (ActivityParameters.Text(parameters, "title") is null)
        {
            yield return "openCase needs 'title' with zh-CN and en";
        }

        if (ActivityParameters.Int(parameters, "severity") is not (>= 1 and <= 3))
        {
            yield return "openCase needs 'severity' 1 (low) to 3 (high)";
        }

        var deadline = ActivityParameters.String(parameters, "deadline");
        if (!ActivityParameters.IsDeadline(deadline, definition))
        {
            yield return $"unknown deadline '{deadline}'";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var title = ActivityParameters.Text(parameters, "title")!;
        var deadline = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken);
        var right = await context.RightAsync(cancellationToken);
        var citation = context.Cite(ActivityParameters.String(parameters, "rule")!);
        var opened = new Case
        {
            Key = $"{context.Instance.Id}:{context.Entry.Sequence}",
            RightId = right.Id,
            HolderId = right.HolderId,
            InstanceId = context.Instance.Id,
            JurisdictionCode = right.LocationCountyCode,
            AuthorityCode = right.AuthorityCode,
            RuleId = citation.RuleId,
            Citation = citation.Text,
            TitleZh = context.Values.Fill(title.Zh),
            TitleEn = context.Values.Fill(title.En),
            Severity = ActivityParameters.Int(parameters, "severity")!.Value,
            DueOn = ActivityParameters.String(parameters, "dueDate") is { } dueDate ? context.Values.Date(dueDate) : deadline?.DueOn,
            OpenedAtUtc = context.NowUtc,
        };
        context.Db.Cases.Add(opened);

        if (ActivityParameters.String(parameters, "workflow") is { } workflow)
        {
            context.Subjects.Remember(CaseSubjectKind.Describe(opened, right, context.Subject.HolderName));
            await context.Runtime.StartAsync(context.Registry.ForChild(workflow, context.Subject.AnchorDate),
                new SubjectRef(CaseSubjectKind.Kind, opened.Id), context.Actor,
                new Dictionary<string, DateOnly> { ["openedOn"] = context.Today },
                new Dictionary<string, string> { ["sourceInstance"] = context.Instance.Id.ToString() },
                cancellationToken, context.ArisenOn);
        }
    }
}
