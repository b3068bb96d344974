using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Workflows;

/// <summary>
/// Moves an open deadline's due date: to a new date or by a period (ISO 8601, e.g. P3M), with the reason, the rule
/// and who decided. Force majeure accepted (GS-10b), a justified reason (GS-10c) and a rectification period all use it.
/// Only officers of the subject's registration authority may decide it; reminder stages not yet sent are recomputed,
/// the journal records it and the holder is told, in one unit of work.
/// </summary>
public sealed class ExtendDeadline(MiningRightsDbContext db, InstanceAccess access, WorkflowRuntime runtime, PolicyBook policies, TimeProvider time)
{
    public sealed record Request(DateOnly? DueOn, string? Period, string? Reason, string? RuleId);

    public async Task<Deadline> HandleAsync(Guid deadlineId, Request request, Actor user, CancellationToken ct)
    {
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId, ct);
        var instance = deadline is null ? null : await db.WorkflowInstances.FindAsync([deadline.InstanceId], ct);
        if (deadline is null || instance is null || !await access.SeesAsync(user, instance, ct))
        {
            throw RefusalException.NotFound($"Deadline {deadlineId}", $"期限 {deadlineId}");
        }

        if (!await access.MayActAsync(user, instance, [Roles.Authority, Roles.Admin], ct))
        {
            throw RefusalException.Forbidden($"Only officers of the registration authority ({instance.AuthorityCode}) or above may move a due date of {instance.SubjectLabel}.",
                $"仅登记机关（{instance.AuthorityCode}）或其上级机关的工作人员可以变更 {instance.SubjectLabel} 的到期日。");
        }

        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        DateOnly? dueOn = request.DueOn;
        if ((request.DueOn is null) == (request.Period is null))
        {
            errors["dueOn"] = ["Give either the new due date (dueOn) or a period to add (period, e.g. P3M)."];
            errorsZh["dueOn"] = "请填写新的到期日（dueOn）或要延长的期间（period，例如 P3M），二者只能填写其一。";
        }
        else if (request.Period is not null)
        {
            dueOn = IsoPeriod.TryParse(request.Period, out var period)
                ? period.AddTo(deadline.DueOn)
                : null;
            if (dueOn is null)
            {
                errors["period"] = [$"'{Text.Cut(request.Period)}' is not an ISO 8601 date period such as P30D or P3M."];
                errorsZh["period"] = $"“{Text.Cut(request.Period)}”不是 ISO 8601 日期期间（例如 P30D 或 P3M）。";
            }
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            errors["reason"] = ["The reason is required (at most 2000 characters): the holder and the history read it."];
            errorsZh["reason"] = "必须填写理由（最多 2000 个字符）：矿业权人将看到该理由，并记入历史记录。";
        }

        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var allowed = Citable(instance).Select(r => r.Id).ToList();
        if (request.RuleId is null || !allowed.Contains(request.RuleId))
        {
            errors["ruleId"] = [$"The rule under which the date moves is required, one that applies to this duty: one of {string.Join(", ", allowed)}."];
            errorsZh["ruleId"] = $"必须填写变更到期日所依据的、适用于本项义务的规则：{string.Join(", ", allowed)} 之一。";
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid extension", "The due date could not be moved: see the field errors.", errors: errors,
                detailZh: $"无法变更到期日：{string.Concat(errorsZh.Values)}");
        }

        if (deadline.State != DeadlineState.Open)
        {
            throw RefusalException.Conflict($"The deadline '{deadline.WhatEn}' is {deadline.State.ToString().ToLowerInvariant()}: only a running deadline can be moved.",
                $"期限“{deadline.WhatZh}”{deadline.State switch { DeadlineState.Met => "已履行", DeadlineState.Expired => "已届满", _ => "已关闭" }}：只有进行中的期限可以变更。");
        }

        if (dueOn!.Value < today)
        {
            throw RefusalException.Invalid("dueOn", $"The new due date {dueOn:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd}).",
                $"新的到期日 {dueOn:yyyy-MM-dd} 早于今天（今天为 {today:yyyy-MM-dd}）。");
        }

        var before = deadline.DueOn;
        await runtime.ExtendAsync(deadline, dueOn.Value, request.Reason!.Trim(), request.RuleId!, user, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "deadline.extended",
            DossierId = instance.DossierId,
            RuleId = request.RuleId,
            Detail = $"{deadline.WhatEn} ({deadline.WhatZh}) of {instance.SubjectLabel}: {before:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}. {request.Reason.Trim()}",
        });
        await db.SaveChangesAsync(ct);
        return deadline;
    }

    /// <summary>The rules a move of this deadline may cite, for the form that offers them; a deadline the reader may not see is a 404.</summary>
    public async Task<IReadOnlyList<PolicyRule>> CitableAsync(Guid deadlineId, Actor user, CancellationToken ct)
    {
        var deadline = await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deadlineId, ct);
        var instance = deadline is null ? null : await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == deadline.InstanceId, ct);
        return instance is not null && await access.SeesAsync(user, instance, ct)
            ? Citable(instance)
            : throw RefusalException.NotFound($"Deadline {deadlineId}", $"期限 {deadlineId}");
    }

    // Only a rule that reaches the duty may be cited: national rules in force today, its province's in force when it arose.
    private List<PolicyRule> Citable(WorkflowInstance instance)
    {
        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var arisenOn = WorkflowRuntime.ArisenOn(instance);
        return policies.Rules.Where(r => r.Reaches(instance.JurisdictionCode) && r.InForceOn(r.IsNational ? today : arisenOn))
            .DistinctBy(r => r.Id).ToList();
    }
}
