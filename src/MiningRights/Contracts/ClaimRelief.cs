using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The holder claims relief from named duties of its right for a period, with its reasons and evidence: force majeure
/// (不可抗力, GS-10b) for any monitored duty, or a justified reason (正当理由, GS-10c) for a mining right's construction,
/// green-mine or deep-processing milestone, whether its contract dates it or a provisional licence's approval (GS-9e). The claim is a workflow of its own (<c>force-majeure</c>) that the
/// authority accepts wholly or for a shorter period, or rejects; while it waits, the duties it names are not judged
/// breached. Accepted, the due dates move by the accepted period (<see cref="ExcuseDutiesActivity"/>) and the report
/// on resuming work is due within 30 days (CN-INVEST).
/// </summary>
public sealed class ClaimRelief(MiningRightsDbContext db, RightAccess rights, WorkflowRegistry registry, WorkflowRuntime runtime, SignalEvidence evidence, Policies.PolicyBook policies, TimeProvider time)
{
    public const string Workflow = "force-majeure";
    public const string PeriodFrom = "periodFrom";
    public const string PeriodTo = "periodTo";
    public const string AcceptedUntil = "acceptedUntil";
    public const string GroundValue = "ground";
    public const string RuleValue = "ruleId";
    public const string ForceMajeure = "forceMajeure";
    public const string JustifiedReason = "justifiedReason";

    /// <summary>Longest period one claim may cover; a longer stoppage is claimed again when it goes on.</summary>
    private const int LongestPeriodDays = 3 * 366;

    private const int MostDuties = 50;

    public sealed record Request(string? Ground, IReadOnlyList<Guid>? Duties, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Reason, string? Evidence);

    /// <summary>The journal entry of a claim's start, which the files sent with the claim are kept with.</summary>
    private const int StartSequence = 1;

    public Task<WorkflowInstance> HandleAsync(Guid rightId, Request request, Actor user, CancellationToken ct) =>
        HandleAsync(rightId, request, [], user, ct);

    /// <summary>The claim with its evidence files (certificates, notices of the authority that stopped the work, photographs).</summary>
    public async Task<WorkflowInstance> HandleAsync(Guid rightId, Request request, IReadOnlyList<Upload> files, Actor user, CancellationToken ct)
    {
        var right = await rights.GetAsync(user, rightId, ct);
        if (!user.IsHolder || right.HolderId != user.HolderId)
        {
            throw RefusalException.Forbidden("Only the right's holder claims force majeure or a justified reason for its duties.", "仅该矿业权的矿业权人可以就其义务主张不可抗力或正当理由。");
        }

        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        var ground = request.Ground?.Trim();
        if (ground is not (ForceMajeure or JustifiedReason))
        {
            errors["ground"] = [$"The ground is required: '{ForceMajeure}' (不可抗力, GS-10b) or '{JustifiedReason}' (正当理由, GS-10c)."];
            errorsZh["ground"] = $"必须填写申请事由：“{ForceMajeure}”（不可抗力，GS-10b）或“{JustifiedReason}”（正当理由，GS-10c）。";
        }

        if (request.Duties is not { Count: > 0 and <= MostDuties })
        {
            errors["duties"] = [$"Name the duties the claim is for: 1 to {MostDuties} obligation ids of this right."];
            errorsZh["duties"] = $"请列明申请所涉的义务：该矿业权的 1 至 {MostDuties} 个义务编号。";
        }

        if (request.PeriodFrom is null || request.PeriodTo is null || request.PeriodTo < request.PeriodFrom)
        {
            errors["periodTo"] = ["The period is required: periodFrom and periodTo (yyyy-MM-dd), periodTo not before periodFrom."];
            errorsZh["periodTo"] = "必须填写期间：periodFrom 和 periodTo（yyyy-MM-dd），且 periodTo 不得早于 periodFrom。";
        }
        else if (request.PeriodFrom > today)
        {
            errors["periodFrom"] = [$"The period must have begun: {request.PeriodFrom:yyyy-MM-dd} is after today ({today:yyyy-MM-dd})."];
            errorsZh["periodFrom"] = $"期间必须已经开始：{request.PeriodFrom:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}）。";
        }
        else if (request.PeriodTo.Value.DayNumber - request.PeriodFrom.Value.DayNumber + 1 > LongestPeriodDays)
        {
            errors["periodTo"] = [$"One claim covers at most {LongestPeriodDays} days; claim again if the stoppage goes on."];
            errorsZh["periodTo"] = $"一次申请最多涵盖 {LongestPeriodDays} 天；停工仍在持续的，请另行申请。";
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 4000)
        {
            errors["reason"] = ["What happened and how it stopped the work is required (at most 4000 characters)."];
            errorsZh["reason"] = "必须说明发生的情况及其如何导致停工（最多 4000 个字符）。";
        }

        if ((string.IsNullOrWhiteSpace(request.Evidence) && files.Count == 0) || request.Evidence is { Length: > 4000 })
        {
            errors["evidence"] = [$"The evidence is required: the documents and who issued them (at most 4000 characters), or the documents themselves as files in '{SignalInputs.FilesField}'."];
            errorsZh["evidence"] = $"必须提供证明材料：列明文件及其出具单位（最多 4000 个字符），或将文件本身放在“{SignalInputs.FilesField}”字段中上传。";
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid claim", "The claim could not be made: see the field errors.", errors: errors,
                detailZh: $"无法提出申请：{string.Concat(errorsZh.Values)}");
        }

        evidence.Check(files);

        var named = request.Duties!.Distinct().ToList();
        var duties = await db.WorkflowInstances
            .Where(i => named.Contains(i.Id) && i.DossierId == right.Id && PerformanceEvaluator.AllDuties.Contains(i.DefinitionId))
            .ToListAsync(ct);
        var unknown = named.Except(duties.Select(d => d.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw RefusalException.Invalid("duties", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an obligation" : "are not obligations")} of right {right.LicenseNumber}.",
                $"{string.Join(", ", unknown)} 不是矿业权 {right.LicenseNumber} 的义务。");
        }

        if (duties.FirstOrDefault(d => d.Finished || d.State == PerformanceEvaluator.BreachedState) is { } settled)
        {
            throw RefusalException.Conflict($"The obligation {settled.Id} is {(settled.Finished ? "finished" : "breached and with the inspectors")}: relief is claimed before a breach, not after; a case is decided in the case.",
                $"义务 {settled.Id} {(settled.Finished ? "已办结" : "已违约并已移交监管执法人员")}：免责申请应在违约之前提出，不能在违约之后提出；已立案的，在案件中作出决定。");
        }

        if (ground == JustifiedReason && duties.FirstOrDefault(d => !PerformanceEvaluator.MiningMilestones.Contains(d.DefinitionId)) is { } other)
        {
            throw RefusalException.ByRule(policies.Provider(JustifiedReason, right.Scope, right.RegisteredOn, today)?.Id ?? IncomeRules.ContractTerm, $"A justified reason excuses a mining right's construction, green-mine or deep-processing milestone; obligation {other.Id} ({other.DefinitionId}) is not one: claim force majeure for it.", "duties",
                detailZh: $"正当理由仅适用于采矿权的建设、绿色矿山或精深加工节点义务；义务 {other.Id}（{other.DefinitionId}）不属于此类：请就该义务主张不可抗力。");
        }

        var pending = await PerformanceEvaluator.PendingReliefAsync(db, right.Id, ct);
        if (named.FirstOrDefault(pending.Contains) is var waiting && waiting != Guid.Empty)
        {
            throw RefusalException.Conflict($"The obligation {waiting} is named in a claim the authority has not decided yet.", $"义务 {waiting} 已列入一项登记机关尚未作出决定的申请。");
        }

        // The provision the claim is decided under: the rule in force for the right fills it (GS-10b, GS-10c in Gansu), or the contract.
        var ruleId = ground == ForceMajeure ? ForceMajeure : JustifiedReason;
        var definition = registry.FindInForce(Workflow, today) ?? registry.ForChild(Workflow, today);
        // The claim is about duties that arose under the right's grant and contract: it cites the rules in force then.
        var claim = await runtime.StartAsync(definition, new SubjectRef(RightSubjectKind.Kind, right.Id), user,
            new Dictionary<string, DateOnly> { [PeriodFrom] = request.PeriodFrom!.Value, [PeriodTo] = request.PeriodTo!.Value },
            new Dictionary<string, string>
            {
                [GroundValue] = ground!,
                [RuleValue] = ruleId,
                [ExcuseDutiesActivity.DutiesValue] = string.Join(',', named),
                ["groundZh"] = ground == ForceMajeure ? "不可抗力" : "正当理由",
                ["groundEn"] = ground == ForceMajeure ? "force majeure" : "a justified reason",
                ["reason"] = request.Reason!.Trim(),
                ["evidence"] = string.IsNullOrWhiteSpace(request.Evidence)
                    ? $"见附件 / see the attached files: {string.Join(", ", files.Select(f => Path.GetFileName(f.FileName)))}"
                    : request.Evidence.Trim(),
            }, ct, right.RegisteredOn);
        var kept = await evidence.KeepAsync(claim, StartSequence, files, user.Name, ct);

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "relief.claimed",
            DossierId = right.Id,
            RuleId = policies.Provider(ruleId, right.Scope, right.RegisteredOn, today)?.Id ?? IncomeRules.ContractTerm,
            Detail = $"{ground} claimed for {named.Count} obligation(s) of {right.LicenseNumber}, {request.PeriodFrom:yyyy-MM-dd} to {request.PeriodTo:yyyy-MM-dd}{kept.Describe()}.",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            evidence.Discard(kept);
            throw;
        }

        return claim;
    }
}
