using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Licensing;

/// <summary>
/// The authority records the expert review of a provisional licence's development and restoration plan (GS-9e).
/// Passed: the licence is re-issued for the service life and the construction duties start, due on the dates entered
/// here (no contract holds them yet). Failed: the plan goes back to the holder; the two-year clock does not stop.
/// </summary>
public sealed class RecordExpertReview(MiningRightsDbContext db, RightAccess access, WorkflowRuntime runtime, TimeProvider time)
{
    public sealed record Request(
        bool? Passed,
        DateOnly? ReviewedOn,
        string? Panel,
        string? Findings,
        DateOnly? ConstructionStartDue,
        DateOnly? ConstructionCompletionDue,
        DateOnly? GreenMineDue);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Guid planId, Request request, CurrentUser user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        var today = Deadlines.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        if (request.Passed is null)
        {
            errors["passed"] = ["Say whether the expert review passed (true) or failed (false)."];
        }

        if (request.ReviewedOn is not { } reviewedOn || reviewedOn > today)
        {
            errors["reviewedOn"] = [$"The review date is required and may not be after today ({today:yyyy-MM-dd})."];
        }

        if (string.IsNullOrWhiteSpace(request.Panel) || request.Panel.Length > 1000)
        {
            errors["panel"] = ["The expert panel is required (at most 1000 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.Findings) || request.Findings.Length > 4000)
        {
            errors["findings"] = ["The findings are required (at most 4000 characters)."];
        }

        if (request.Passed == true)
        {
            if (request.ConstructionStartDue is not { } start || start < today)
            {
                errors["constructionStartDue"] = ["The construction start date is required on approval and may not be in the past."];
            }

            if (request.ConstructionCompletionDue is not { } done || done < (request.ConstructionStartDue ?? today))
            {
                errors["constructionCompletionDue"] = ["The construction completion date is required on approval and may not precede the start."];
            }

            if (request.GreenMineDue is not { } green || green < (request.ConstructionStartDue ?? today))
            {
                errors["greenMineDue"] = ["The green-mine completion date (GS-11) is required on approval and may not precede the construction start."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid expert review", "The expert review could not be recorded: see the field errors.", errors: errors);
        }

        if (right.Kind != RightKind.Mining)
        {
            throw RefusalException.Conflict("An exploration plan is approved or returned, not put to an expert review.");
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.RightId == right.Id, ct)
            ?? throw RefusalException.NotFound($"Plan {planId}");
        if (plan.Status != PlanStatus.Submitted)
        {
            throw RefusalException.Conflict($"Plan {planId} was already reviewed ({plan.Status}).");
        }

        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == plan.InstanceId, ct);
        var values = new InstanceValues(instance);
        if (request.Passed == true)
        {
            values.SetDate("constructionStartDue", request.ConstructionStartDue!.Value);
            values.SetDate("constructionCompletionDue", request.ConstructionCompletionDue!.Value);
            values.SetDate("greenMineDue", request.GreenMineDue!.Value);
        }

        var now = time.GetUtcNow().UtcDateTime;
        plan.Status = request.Passed == true ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewedBy = user.Name;
        plan.ReviewedAtUtc = now;
        plan.ExpertReviewOn = request.ReviewedOn;
        plan.ExpertPanel = request.Panel!.Trim();
        plan.ReviewNotes = request.Findings!.Trim();
        await runtime.SignalAsync(instance, request.Passed == true ? "reviewPassed" : "reviewFailed", user.Actor, request.Findings, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = request.Passed == true ? "plan.reviewPassed" : "plan.reviewFailed",
            RightId = right.Id,
            RuleId = "GS-9e",
            Detail = $"Expert review of {plan.FileName} on {request.ReviewedOn:yyyy-MM-dd} by {plan.ExpertPanel}: {(request.Passed == true ? "passed" : "failed")}. {plan.ReviewNotes}",
        });
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
