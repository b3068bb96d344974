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
/// value <c>verification</c>. With <c>"outcome": "forwarded"</c> the result was not accepted but forwarded to the
/// Ministry (报部, a right the Ministry registered, GS-9c), and the history and the renewal say so.
/// </summary>
public sealed class RecordVerificationActivity : IWorkflowActivity
{
    public const string Forwarded = "forwarded";

    public string Name => "recordVerification";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "rule", "outcome").Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }

        if (ActivityParameters.String(parameters, "outcome") is { } outcome && outcome != Forwarded)
        {
            yield return $"{Name}: outcome '{outcome}' is not known; leave it out for an accepted result or write '{Forwarded}'.";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var rightId = context.Subject.DossierId ?? throw new InvalidOperationException("recordVerification runs on a verification task, which concerns a right.");
        var result = context.Values.Get("result") ?? "unknown";
        var forwarded = ActivityParameters.String(parameters, "outcome") == Forwarded;
        var summary = $"{context.Values.Get("quarter")} {(result == ProblemsFoundGuard.ProblemsFound ? "发现问题 / problems found" : "符合要求 / in order")}"
            + (forwarded ? $" (已由 {context.Subject.AuthorityCode} 报部 / forwarded to the Ministry by {context.Subject.AuthorityCode})" : string.Empty)
            + (context.Values.Get("notes") is { } notes ? $": {notes}" : string.Empty);
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = forwarded ? "verification.forwarded" : "verification.accepted",
            DossierId = rightId,
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = Text.Cut(forwarded
                ? $"Verification result forwarded to the Ministry ({QuarterlyVerification.Ministry}) by {context.Subject.AuthorityCode}, not accepted by the province. 核查结果已报部。 {summary}"
                : $"Verification result accepted by {context.Subject.AuthorityCode}: {summary}", 3999),
        });

        var renewal = context.Db.WorkflowInstances.Local.FirstOrDefault(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == rightId && i.DefinitionId == RenewalTracking.Workflow && !i.Finished)
            ?? await context.Db.WorkflowInstances.FirstOrDefaultAsync(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == rightId && i.DefinitionId == RenewalTracking.Workflow && !i.Finished, cancellationToken);
        if (renewal is not null)
        {
            new InstanceValues(renewal).Set("verification", Text.Cut(summary, 1000));
        }
    }
}
