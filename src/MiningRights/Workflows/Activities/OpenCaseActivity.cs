using System.Text.Json.Nodes;
using MiningRights.Cases;

namespace MiningRights.Workflows.Activities;

/// <summary>
/// <c>{"activity": "openCase", "title": {"zh-CN": ..., "en": ...}, "severity": 3, "rule": "GS-9e", "dueDate": "missedDue"}</c>:
/// opens the inspectors' case for the right's county. One case per instance and journal entry.
/// </summary>
public sealed class OpenCaseActivity : IWorkflowActivity
{
    public string Name => "openCase";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "title", "severity", "rule", "deadline", "dueDate"))
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

        var rule = ActivityParameters.String(parameters, "rule");
        if (rule is null || !definition.Rules.Contains(rule))
        {
            yield return $"openCase needs 'rule' naming one of $.rules (got '{rule}')";
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
        context.Db.Cases.Add(new Case
        {
            Key = $"{context.Instance.Id}:{context.Entry.Sequence}",
            RightId = context.Right.Id,
            HolderId = context.Right.HolderId,
            InstanceId = context.Instance.Id,
            JurisdictionCode = context.Right.LocationCountyCode,
            RuleId = ActivityParameters.String(parameters, "rule")!,
            TitleZh = context.Values.Fill(title.Zh),
            TitleEn = context.Values.Fill(title.En),
            Severity = ActivityParameters.Int(parameters, "severity")!.Value,
            DueOn = ActivityParameters.String(parameters, "dueDate") is { } dueDate ? context.Values.Date(dueDate) : deadline?.DueOn,
            OpenedAtUtc = context.NowUtc,
        });
    }
}
