using System.Text.Json.Nodes;
using MiningRights.Audit;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Rights;

/// <summary>
/// <c>{"activity": "setRightStatus", "status": "Lapsed", "rule": "GS-9e"}</c>: changes the status of the right the
/// subject concerns (the right itself, or the right a case is about) and records it in the right's history. A right
/// that ends (withdrawn, lapsed, expired) ends the processes still running on it: its duties are owed no more, and no
/// reminder or overdue notice follows.
/// </summary>
public sealed class SetRightStatusActivity : IWorkflowActivity
{
    public string Name => "setRightStatus";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "status", "rule").Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }

        if (!Enum.TryParse<RightStatus>(ActivityParameters.String(parameters, "status"), ignoreCase: false, out _))
        {
            yield return $"setRightStatus needs 'status', one of {string.Join(", ", Enum.GetNames<RightStatus>())}";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var status = Enum.Parse<RightStatus>(ActivityParameters.String(parameters, "status")!);
        var right = await context.RightAsync(cancellationToken);
        var before = right.Status;
        if (status is RightStatus.Withdrawn or RightStatus.Lapsed or RightStatus.Expired && before != status)
        {
            await context.Runtime.EndRunningAsync(new SubjectRef(RightSubjectKind.Kind, right.Id), context.Instance.Id,
                ActivityParameters.String(parameters, "rule")!, $"Right {right.LicenseNumber} {status.ToString().ToLowerInvariant()}: its processes end.", context.Actor, cancellationToken);
        }

        right.Status = status;
        right.UpdatedAtUtc = context.NowUtc;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "right.status",
            DossierId = right.Id,
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = $"Status {before} → {status} (workflow {context.Instance.DefinitionId}, state {context.Instance.State}).",
        });
    }
}
