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
        foreach (var problem in ActivityParameters.Unknown(parameters, "deadline", "rule").Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }

        var deadline = ActivityParameters.String(parameters, "deadline");
        if (deadline is null || !definition.Deadlines.ContainsKey(deadline))
        {
            yield return $"markProvisional needs 'deadline' naming one of $.deadlines (got '{deadline}')";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var deadline = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken)
            ?? throw new InvalidOperationException($"markProvisional in {context.Definition.File}: the deadline is not running in state {context.Instance.State}.");
        var rule = ActivityParameters.RuleId(context, parameters);
        var right = await context.RightAsync(cancellationToken);
        right.Status = RightStatus.Provisional;
        right.ProvisionalRuleId = rule;
        right.IssuedOn = right.RegisteredOn;
        right.ExpiresOn = deadline.DueOn;
        right.UpdatedAtUtc = context.NowUtc;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "license.provisional",
            DossierId = right.Id,
            RuleId = rule,
            Detail = $"Provisional licence {right.LicenseNumber} issued {right.IssuedOn:yyyy-MM-dd}, valid until {deadline.DueOn:yyyy-MM-dd} ({rule}); the development and restoration plan is due by then.",
        });
    }
}
