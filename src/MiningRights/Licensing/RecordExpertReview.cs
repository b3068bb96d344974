using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Decisions;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Licensing;

/// <summary>
/// The authority records the expert review of a provisional licence's development and restoration plan (GS-9e).
/// Passed: the licence is re-issued for the service life and the construction duties start, due on the dates entered
/// here (the workflow's reviewPassed signal declares them). Failed: the plan goes back to the holder; the two-year
/// clock does not stop. Only officers of the right's registration authority may record it (the runtime checks).
/// </summary>
public sealed class RecordExpertReview(MiningRightsDbContext db, RightAccess access, WorkflowRuntime runtime, PlanDecisionSignals signals, TimeProvider time)
{
    public sealed record Request(
        bool? Passed,
        DateOnly? ReviewedOn,
        string? Panel,
        string? Findings,
        DateOnly? ConstructionStartDue,
        DateOnly? ConstructionCompletionDue,
        DateOnly? GreenMineDue,
        DecisionFormalities? Formalities = null);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Guid planId, Request request, Actor user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        if (request.Passed is null)
        {
            errors["passed"] = ["Say whether the expert review passed (true) or failed (false)."];
            errorsZh["passed"] = "请说明专家评审是通过（true）还是未通过（false）。";
        }

        if (request.ReviewedOn is not { } reviewedOn || reviewedOn > today)
        {
            errors["reviewedOn"] = [$"The review date is required and may not be after today ({today:yyyy-MM-dd})."];
            errorsZh["reviewedOn"] = $"必须填写评审日期，且不得晚于今天（{today:yyyy-MM-dd}）。";
        }

        if (string.IsNullOrWhiteSpace(request.Panel) || request.Panel.Length > 1000)
        {
            errors["panel"] = ["The expert panel is required (at most 1000 characters)."];
            errorsZh["panel"] = "必须填写专家组（最多 1000 个字符）。";
        }

        if (string.IsNullOrWhiteSpace(request.Findings) || request.Findings.Length > 4000)
        {
            errors["findings"] = ["The findings are required (at most 4000 characters)."];
            errorsZh["findings"] = "必须填写评审意见（最多 4000 个字符）。";
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid expert review", "The expert review could not be recorded: see the field errors.", errors: errors,
                detailZh: $"无法记录专家评审：{string.Concat(errorsZh.Values)}");
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId && p.RightId == right.Id, ct)
            ?? throw RefusalException.NotFound($"Plan {planId}", $"方案 {planId}");
        if (plan.Status != PlanStatus.Submitted)
        {
            throw RefusalException.Conflict($"Plan {planId} was already reviewed ({plan.Status}).",
                $"方案 {planId} 已经评审（{(plan.Status == PlanStatus.Approved ? "已批准" : "已退回")}）。");
        }

        var submittedOn = Time.ProvinceCalendar.China.DateAt(new DateTimeOffset(plan.SubmittedAtUtc));
        if (request.ReviewedOn < submittedOn)
        {
            throw RefusalException.Invalid("reviewedOn", $"The review date {request.ReviewedOn:yyyy-MM-dd} is before the plan was submitted ({submittedOn:yyyy-MM-dd}).",
                $"评审日期 {request.ReviewedOn:yyyy-MM-dd} 早于方案提交日期（{submittedOn:yyyy-MM-dd}）。");
        }

        // The signal the plan's process names for this outcome; a process that decides plans without an expert review says so.
        var found = await signals.FindAsync(plan, request.Passed == true ? SignalDefinition.PlanApproved : SignalDefinition.PlanReturned, ct);
        if (!found.Definition.ExpertReview)
        {
            throw RefusalException.Conflict("This plan is decided without an expert review: approve or return it.",
                "该方案无需专家评审：请直接批准或退回。");
        }

        var inputs = request.Passed == true
            ? new Dictionary<string, string?>
            {
                ["constructionStartDue"] = Date(request.ConstructionStartDue),
                ["constructionCompletionDue"] = Date(request.ConstructionCompletionDue),
                ["greenMineDue"] = Date(request.GreenMineDue),
            }
            : [];
        if (found.Definition.Decision is not null)
        {
            // A failed review returns the plan by a formal decision: the findings are its facts.
            foreach (var (name, value) in DecisionFormalities.Values(request.Formalities, request.Findings))
            {
                inputs[name] = value;
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        plan.Status = request.Passed == true ? PlanStatus.Approved : PlanStatus.Returned;
        plan.ReviewedBy = user.Name;
        plan.ReviewedAtUtc = now;
        plan.ExpertReviewOn = request.ReviewedOn;
        plan.ExpertPanel = request.Panel!.Trim();
        plan.ReviewNotes = request.Findings!.Trim();
        var outcome = await runtime.SignalAsync(found.Instance, found.Signal, user, request.Findings, ct, inputs);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = $"plan.{found.Signal}",
            DossierId = right.Id,
            RuleId = outcome.RuleId,
            Detail = $"Expert review of {plan.FileName} on {request.ReviewedOn:yyyy-MM-dd} by {plan.ExpertPanel}: {(request.Passed == true ? "passed" : "failed")}. {plan.ReviewNotes}",
        });
        await db.SaveChangesAsync(ct);
        return plan;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
