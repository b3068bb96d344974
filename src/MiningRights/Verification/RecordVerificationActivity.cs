using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Audit;
using MiningRights.Renewals;
using MiningRights.Rights;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Verification;

/// <summary>
/// <c>recordVerification</c>: an accepted verification result is kept in the right's history (an audit entry under
/// GS-9b) and put before the officer who decides the right's renewal: the running renewal process carries it as its
/// value <c>verification</c>.
/// </summary>
public sealed class RecordVerificationActivity : IWorkflowActivity
{
    public string Name => "recordVerification";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition) =>
        ActivityParameters.Unknown(parameters, "rule").Concat(ActivityParameters.Rule(parameters, definition, Name));

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var rightId = context.Subject.RightId ?? throw new InvalidOperationException("recordVerification runs on a verification task, which concerns a right.");
        var result = context.Values.Get("result") ?? "unknown";
        var summary = $"{context.Values.Get("quarter")} {(result == ProblemsFoundGuard.ProblemsFound ? "发现问题 / problems found" : "符合要求 / in order")}"
            + (context.Values.Get("notes") is { } notes ? $": {notes}" : string.Empty);
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "verification.accepted",
            RightId = rightId,
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = Text.Cut($"Verification result accepted by {context.Subject.AuthorityCode}: {summary}", 3999),
        });

        var renewal = context.Db.WorkflowInstances.Local.FirstOrDefault(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == rightId && i.DefinitionId == RenewalTracking.Workflow && !i.Finished)
            ?? await context.Db.WorkflowInstances.FirstOrDefaultAsync(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == rightId && i.DefinitionId == RenewalTracking.Workflow && !i.Finished, cancellationToken);
        if (renewal is not null)
        {
            new InstanceValues(renewal).Set("verification", Text.Cut(summary, 1000));
        }
    }
}
