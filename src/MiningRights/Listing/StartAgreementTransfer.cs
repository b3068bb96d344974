using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// The authority takes up an agreement transfer (协议出让) of a planned block to an applicant, at the assessed transfer
/// income. Unlike a public transfer it goes through verification (核查) and a public disclosure period (公示) with its
/// objections before the contract (GS-9a).
/// </summary>
public sealed class StartAgreementTransfer(MiningRightsDbContext db, BlockAccess blocks, WorkflowRegistry registry, WorkflowRuntime runtime, Policies.PolicyBook policies, TimeProvider time)
{
    public const string Workflow = "agreement-transfer";

    public sealed record Request(Guid? HolderId, decimal? Price, string? Reason);

    public async Task<WorkflowInstance> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        if (!Yuan.IsPayable(request.Price))
        {
            throw RefusalException.Invalid("price", "The assessed transfer income is required: more than 0 yuan, in fen at most (two decimals).", "必须填写评估的出让收益：大于 0 元，最多精确到分（两位小数）。");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            throw RefusalException.Invalid("reason", "The reason for transferring by agreement is required (at most 2000 characters).", "必须填写协议出让的理由（最多 2000 个字符）。");
        }

        var holder = await db.Holders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HolderId, ct)
            ?? throw RefusalException.Invalid("holderId", $"No holder {request.HolderId} is registered: register the applicant first.", $"未登记矿业权人 {request.HolderId}：请先登记申请人。");
        var definition = StartTransfer.CheckPlanned(block, registry, Workflow, time);
        var now = time.GetUtcNow();
        block.TransferMode = TransferMode.Agreement;
        block.Status = BlockStatus.InTransfer;
        block.HolderId = holder.Id;
        block.UpdatedAtUtc = now.UtcDateTime;
        block.Version++;
        runtime.Subjects.Remember(BlockSubjectKind.Describe(block, $"{holder.NameZh} ({holder.NameEn})"));
        var instance = await runtime.StartAsync(definition, new SubjectRef(BlockSubjectKind.Kind, block.Id), user,
            new Dictionary<string, DateOnly> { ["appliedOn"] = Time.ProvinceCalendar.China.DateAt(now) },
            new Dictionary<string, string> { ["price"] = request.Price.Value.ToString(CultureInfo.InvariantCulture), ["reason"] = request.Reason.Trim() }, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "block.agreement",
            RuleId = policies.IdOr("registrationWithoutReverification", block.Scope, Time.ProvinceCalendar.China.DateAt(now), "CN-TRANSFER"),
            Detail = $"Agreement transfer of block {block.Code} to {holder.NameZh} ({holder.CreditCode}) at {Yuan.En(request.Price.Value)} taken up: verification and public disclosure required. 协议出让，须核查和公示。",
        });
        await db.SaveChangesAsync(ct);
        return instance;
    }
}
