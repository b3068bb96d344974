using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// Who sees which blocks: officers those of their jurisdiction's subtree (by county or transferring authority),
/// administrators all, a holder only the blocks it won or applied for. Anything else is answered as not found.
/// </summary>
public sealed class BlockAccess(MiningRightsDbContext db, Access access)
{
    public Task<IQueryable<TransferBlock>> VisibleAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.Blocks, holder => b => b.HolderId == holder,
            codes => b => codes.Contains(b.CountyCode) || codes.Contains(b.AuthorityCode), ct);

    /// <summary>The block, tracked, or 404 when it does not exist or the user may not see it.</summary>
    public async Task<TransferBlock> GetAsync(Actor user, Guid blockId, CancellationToken ct) =>
        await (await VisibleAsync(user, ct)).SingleOrDefaultAsync(b => b.Id == blockId, ct)
            ?? throw RefusalException.NotFound($"Block {blockId}", $"区块 {blockId}");

    /// <summary>The block for a decision of its transferring authority (or above): 404 when unseen, 403 when seen but not its to decide.</summary>
    public async Task<TransferBlock> ForDecisionAsync(Actor user, Guid blockId, CancellationToken ct)
    {
        var block = await GetAsync(user, blockId, ct);
        if (!await access.MayDecideAsync(user, block.AuthorityCode, ct))
        {
            throw RefusalException.Forbidden($"Only officers of the transferring authority ({block.AuthorityCode}) or above decide on block {block.Code}.",
                $"仅出让登记机关可作出决定：仅出让登记机关（{block.AuthorityCode}）或其上级机关的工作人员可以对区块 {block.Code} 作出决定。");
        }

        return block;
    }

    /// <summary>The transfer workflow running on the block, tracked; 409 when none runs.</summary>
    public async Task<WorkflowInstance> RunningTransferAsync(TransferBlock block, CancellationToken ct) =>
        await db.WorkflowInstances.SingleOrDefaultAsync(i => i.SubjectKind == BlockSubjectKind.Kind && i.SubjectId == block.Id && !i.Finished, ct)
            ?? throw RefusalException.Conflict($"No transfer of block {block.Code} is under way (status {block.Status}).",
                $"区块 {block.Code} 没有正在进行的出让（状态：{StatusZh(block.Status)}）。");

    /// <summary>A block's status in Chinese, for a refusal.</summary>
    internal static string StatusZh(BlockStatus status) => status switch
    {
        BlockStatus.Pool => "在项目库中",
        BlockStatus.Planned => "已列入年度出让计划",
        BlockStatus.InTransfer => "出让中",
        BlockStatus.Registered => "已登记为矿业权",
        BlockStatus.Withdrawn => "已撤出项目库",
        _ => status.ToString(),
    };
}
