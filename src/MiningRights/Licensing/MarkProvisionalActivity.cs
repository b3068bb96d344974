using System.Text.Json.Nodes;
using MiningRights.Audit;
using MiningRights.Rights;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Licensing;

/// <summary>
/// <c>{"activity": "markProvisional", "deadline": "licenseExpiry", "rule": "GS-9e"}</c>: the licence issued at
/// registration is provisional under the rule, and its expiry is the named deadline's due date.
/// </summary>
public sealed class MarkProvisionalActivity : IWorkflowActivity
{
    public string Name => "markProvisional";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "deadline", "rule"))
        {
            yield return problem;
        }

        var deadline = ActivityParameters.String(parameters, "deadline");
        if (deadline is null || !definition.Deadlines.ContainsKey(deadline))
        {
            yield return $"markProvisional needs 'deadline' naming one of $.deadlines (got '{deadline}')";
        }

        var rule = ActivityParameters.String(parameters, "rule");
        if (rule is null || !definition.Rules.Contains(rule))
        {
            yield return $"markProvisional needs 'rule' naming one of $.rules (got '{rule}')";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var deadline = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken)
            ?? throw new InvalidOperationException($"markProvisional in {context.Definition.File}: the deadline is not running in state {context.Instance.State}.");
        var rule = ActivityParameters.String(parameters, "rule")!;
        context.Right.Status = RightStatus.Provisional;
        context.Right.ProvisionalRuleId = rule;
        context.Right.IssuedOn = context.Right.RegisteredOn;
        context.Right.ExpiresOn = deadline.DueOn;
        context.Right.UpdatedAtUtc = context.NowUtc;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "license.provisional",
            RightId = context.Right.Id,
            RuleId = rule,
            Detail = $"Provisional licence {context.Right.LicenseNumber} issued {context.Right.IssuedOn:yyyy-MM-dd}, valid until {deadline.DueOn:yyyy-MM-dd} ({rule}); the development and restoration plan is due by then.",
        });
    }
}
