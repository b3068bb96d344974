using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Plans;

/// <summary>The authority approves an exploration implementation plan, or returns it with reasons (GS-9d).</summary>
public sealed class DecidePlan(MiningRightsDbContext db, RightAccess access, WorkflowRuntime runtime, TimeProvider time)
{
    public sealed record Request(PlanDecision? Decision, string? Reasons);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Guid planId, Request request, CurrentUser user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        if (request.Decision is null)
        {
            throw RefusalException.Invalid("decision", "The decision is required: approve or return.");
        }

        if (request.Decision == PlanDecision.Return && string.IsNullOrWhiteSpace(request.Reasons))
        {
            throw RefusalException.Invalid("reasons", "A returned plan needs the reasons, so the holder knows what to revise.");
        }

        if (request.Reasons is { Length: > 4000 })
        {
            throw RefusalException.Invalid("reasons", "The reasons may be at most 4000 characters.");
        }

        if (right.Kind != RightKind.Exploration)
        {
            throw RefusalException.Conflict("A mining right's plan is decided by recording the expert review.");
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.RightId == right.Id, ct)
            ?? throw RefusalException.NotFound($"Plan {planId}");
        if (plan.Status != PlanStatus.Submitted)
        {
            throw RefusalException.Conflict($"Plan {planId} was already decided ({plan.Status}).");
        }

        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == plan.InstanceId, ct);
        var signal = request.Decision == PlanDecision.Approve ? "approve" : "return";
        await runtime.SignalAsync(instance, signal, user.Actor, request.Reasons, ct);

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
            RightId = right.Id,
            RuleId = "GS-9d",
            Detail = $"Plan {plan.FileName} {(request.Decision == PlanDecision.Approve ? "approved" : "returned: " + request.Reasons)}.",
        });
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
