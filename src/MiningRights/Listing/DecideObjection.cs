using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>The authority decides an objection: upheld (the transfer cannot be approved as disclosed) or dismissed, with reasons (GS-9a).</summary>
public sealed class DecideObjection(MiningRightsDbContext db, BlockAccess blocks, WorkflowRuntime runtime, TimeProvider time)
{
    public sealed record Request(ObjectionDecision? Decision, string? Reasons);

    public async Task<DisclosureObjection> HandleAsync(Guid blockId, Guid objectionId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId && o.BlockId == block.Id, ct)
            ?? throw RefusalException.NotFound($"Objection {objectionId}", $"异议 {objectionId}");
        if (request.Decision is null)
        {
            throw RefusalException.Invalid("decision", "The decision is required: upheld or dismissed.", "必须作出决定：异议成立（upheld）或驳回（dismissed）。");
        }

        if (string.IsNullOrWhiteSpace(request.Reasons) || request.Reasons.Length > 4000)
        {
            throw RefusalException.Invalid("reasons", "The reasons for the decision are required (at most 4000 characters).", "必须填写决定理由（最多 4000 个字符）。");
        }

        if (objection.Decision is not null)
        {
            throw RefusalException.Conflict($"The objection was decided already ({objection.Decision}).",
                $"该异议已经作出决定（{(objection.Decision == ObjectionDecision.Upheld ? "异议成立" : "驳回")}）。");
        }

        // Journalled on the transfer, so that an approval deciding on the objections at the same moment loses the race.
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == objection.InstanceId && !i.Finished, ct)
            ?? throw RefusalException.Conflict($"The transfer of block {block.Code} is decided already; its objections are closed.", $"区块 {block.Code} 的出让已经作出决定；其异议处理已结束。");
        var entry = await runtime.RecordAsync(instance, user, $"objection:{request.Decision.Value.ToString().ToLowerInvariant()}", "registrationWithoutReverification",
            $"Objection from {objection.Objector}: {request.Decision}. {Text.Cut(request.Reasons.Trim(), 500)}", ct);
        var now = time.GetUtcNow().UtcDateTime;
        objection.Decision = request.Decision;
        objection.DecisionReasons = request.Reasons.Trim();
        objection.DecidedBy = user.Name;
        objection.DecidedAtUtc = now;
        objection.Version++;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "disclosure.objection.decided",
            RuleId = entry.RuleId,
            Detail = $"Objection of {objection.Objector} to the agreement transfer of block {block.Code}: {request.Decision}. 异议{(request.Decision == ObjectionDecision.Upheld ? "成立" : "不成立")}。",
        });
        await db.SaveChangesAsync(ct);
        return objection;
    }
}
