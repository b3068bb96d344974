using System.Text.Json.Nodes;
using MiningRights.Audit;
using MiningRights.Rights;

namespace MiningRights.Workflows.Activities;

/// <summary><c>{"activity": "setRightStatus", "status": "Lapsed", "rule": "GS-9e"}</c>: changes the right's status and records it in its history.</summary>
public sealed class SetRightStatusActivity : IWorkflowActivity
{
    public string Name => "setRightStatus";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "status", "rule"))
        {
            yield return problem;
        }

        if (!Enum.TryParse<RightStatus>(ActivityParameters.String(parameters, "status"), ignoreCase: false, out _))
        {
            yield return $"setRightStatus needs 'status', one of {string.Join(", ", Enum.GetNames<RightStatus>())}";
        }

        var rule = ActivityParameters.String(parameters, "rule");
        if (rule is null || !definition.Rules.Contains(rule))
        {
            yield return $"setRightStatus needs 'rule' naming one of $.rules (got '{rule}')";
        }
    }

    public Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var status = Enum.Parse<RightStatus>(ActivityParameters.String(parameters, "status")!);
        var before = context.Right.Status;
        context.Right.Status = status;
        context.Right.UpdatedAtUtc = context.NowUtc;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "right.status",
            RightId = context.Right.Id,
            RuleId = ActivityParameters.String(parameters, "rule"),
            Detail = $"Status {before} → {status} (workflow {context.Instance.DefinitionId}, state {context.Instance.State}).",
        });
        return Task.CompletedTask;
    }
}
