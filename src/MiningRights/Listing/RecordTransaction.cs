using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// After the announcement period the authority records the transaction: the winning holder (竞得人) and the price, never
/// below the reserve. The block then belongs to the winner's view and notices, and the contract-signing deadline runs.
/// </summary>
public sealed class RecordTransaction(MiningRightsDbContext db, BlockAccess blocks, WorkflowRuntime runtime, TimeProvider time)
{
    public const string Signal = "transact";

    public sealed record Request(Guid? HolderId, decimal? Price);

    public async Task<WorkflowInstance> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        var instance = await blocks.RunningTransferAsync(block, ct);
        if (!Yuan.IsPayable(request.Price))
        {
            throw RefusalException.Invalid("price", "The price is required: more than 0 yuan, in fen at most (two decimals).", "必须填写成交价：大于 0 元，最多精确到分（两位小数）。");
        }

        var holder = await db.Holders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == request.HolderId, ct)
            ?? throw RefusalException.Invalid("holderId", $"No holder {request.HolderId} is registered: register the winning company first.", $"未登记矿业权人 {request.HolderId}：请先登记竞得企业。");
        var reserve = decimal.Parse(new InstanceValues(instance).Get("reservePrice") ?? "0", CultureInfo.InvariantCulture);
        if (request.Price < reserve)
        {
            throw RefusalException.ByRule("CN-TRANSFER",
                $"The price {Yuan.En(request.Price.Value)} is below the reserve price {Yuan.En(reserve)}: a transfer is never made below its reserve.", "price",
                detailZh: $"成交价不得低于底价：成交价 {Yuan.Zh(request.Price.Value)} 低于底价 {Yuan.Zh(reserve)}，出让不得以低于底价的价格成交。");
        }

        block.HolderId = holder.Id;
        block.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        block.Version++;
        await runtime.FollowSubjectAsync(BlockSubjectKind.Describe(block, $"{holder.NameZh} ({holder.NameEn})"), ct);
        await runtime.SignalAsync(instance, Signal, user, $"winner {holder.CreditCode}, price {Yuan.En(request.Price.Value)}", ct,
            new Dictionary<string, string?> { ["price"] = request.Price.Value.ToString(CultureInfo.InvariantCulture) });
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "block.transacted",
            RuleId = "CN-TRANSFER",
            Detail = $"Block {block.Code} transacted to {holder.NameZh} ({holder.CreditCode}) at {Yuan.En(request.Price.Value)} (reserve {Yuan.En(reserve)}). 成交。",
        });
        await db.SaveChangesAsync(ct);
        return instance;
    }
}
