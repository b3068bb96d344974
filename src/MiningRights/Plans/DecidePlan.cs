using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Decisions;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Plans;

/// <summary>
/// The authority approves a plan, or returns it with reasons, through the signal the plan's process marks as deciding it
/// (<see cref="PlanDecisionSignals"/>). A process whose decision is an expert review's result (GS-9e) takes it with the
/// review (<c>RecordExpertReview</c>): this answers 409 naming it.
/// </summary>
public sealed class DecidePlan(MiningRightsDbContext db, RightAccess access, WorkflowRuntime runtime, PlanDecisionSignals signals, TimeProvider time)
{
    /// <param name="Formalities">Needed when the outcome's signal is a formal decision (a return, in the shipped processes): its basis, number and date; the reasons are its facts.</param>
    public sealed record Request(PlanDecision? Decision, string? Reasons, DecisionFormalities? Formalities = null);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Guid planId, Request request, Actor user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        if (request.Decision is null)
        {
            throw RefusalException.Invalid("decision", "The decision is required: approve or return.", "必须作出决定：批准（approve）或退回（return）。");
        }

        if (request.Decision == PlanDecision.Return && string.IsNullOrWhiteSpace(request.Reasons))
        {
            throw RefusalException.Invalid("reasons", "A returned plan needs the reasons, so the holder knows what to revise.", "退回方案须说明理由，以便矿业权人了解需要修改的内容。");
        }

        if (request.Reasons is { Length: > 4000 })
        {
            throw RefusalException.Invalid("reasons", "The reasons may be at most 4000 characters.", "理由最多 4000 个字符。");
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.RightId == right.Id, ct)
            ?? throw RefusalException.NotFound($"Plan {planId}", $"方案 {planId}");
        if (plan.Status != PlanStatus.Submitted)
        {
            throw RefusalException.Conflict($"Plan {planId} was already decided ({plan.Status}).",
                $"方案 {planId} 已经作出决定（{(plan.Status == PlanStatus.Approved ? "已批准" : "已退回")}）。");
        }

        var found = await signals.FindAsync(plan, request.Decision == PlanDecision.Approve ? SignalDefinition.PlanApproved : SignalDefinition.PlanReturned, ct);
        if (found.Definition.ExpertReview)
        {
            throw RefusalException.Conflict("This plan is decided by recording its expert review (panel, date, findings): use the expert review.",
                "该方案须记录专家评审（专家组、评审日期、评审意见）后作出决定：请使用专家评审表单。");
        }

        var signal = found.Signal;
        var outcome = await runtime.SignalAsync(found.Instance, signal, user, request.Reasons, ct,
            found.Definition.Decision is null ? null : DecisionFormalities.Values(request.Formalities, request.Reasons));

        var now = time.GetUtcNow().UtcDateTime;
        plan.Status = request.Decision == PlanDecision.Approve ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewedBy = user.Name;
        plan.ReviewedAtUtc = now;
        plan.ReviewNotes = request.Reasons;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = $"plan.{signal}",
            DossierId = right.Id,
            RuleId = outcome.RuleId,
            Detail = $"Plan {plan.FileName} {(request.Decision == PlanDecision.Approve ? "approved" : "returned: " + request.Reasons)}.",
        });
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
