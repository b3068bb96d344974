using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>What every transfer of a block checks before its workflow starts.</summary>
public static class StartTransfer
{
    /// <summary>The block must be planned (or exempt from the plan under ZJ-25); the workflow is the version in force today.</summary>
    public static LoadedDefinition CheckPlanned(TransferBlock block, WorkflowRegistry registry, string workflow, TimeProvider time)
    {
        if (block.Status != BlockStatus.Planned)
        {
            throw block.Status == BlockStatus.Pool
                ? RefusalException.ByRule("CN-TRANSFER", $"Block {block.Code} is in the pool but not in an annual transfer plan: put it into a plan first.",
                    detailZh: $"区块 {block.Code} 在项目库中，但未列入年度出让计划：请先将其列入计划。")
                : RefusalException.Conflict($"Block {block.Code} is {block.Status}: it cannot be transferred now.", $"区块 {block.Code} {BlockAccess.StatusZh(block.Status)}：当前不能出让。");
        }

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        return registry.FindInForce(workflow, today)
            ?? throw new InvalidOperationException($"No version of the {workflow} workflow is in force on {today:yyyy-MM-dd}.");
    }
}
