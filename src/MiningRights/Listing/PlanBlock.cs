using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// Puts a pool block into the annual transfer plan of its county (or, without one, its city), using one of the plan's
/// quota; a full plan refuses it. ZJ-25: a large sand-gravel-earth (砂石土) block for the infrastructure of a provincial
/// major industrial project is not limited by the plan: where the local quota is short it draws the provincial
/// reserve, recorded, and with none left there it goes ahead outside the plan.
/// </summary>
public sealed class PlanBlock(MiningRightsDbContext db, BlockAccess blocks, JurisdictionDirectory jurisdictions, Policies.PolicyBook policies, TimeProvider time)
{
    public sealed record Request(int? Year);

    public async Task<TransferBlock> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        if (request.Year is not (>= 2000 and <= 2100))
        {
            throw RefusalException.Invalid("year", "The plan year is required, between 2000 and 2100.", "必须填写计划年度，范围为 2000 至 2100。");
        }

        if (block.Status != BlockStatus.Pool)
        {
            throw RefusalException.Conflict($"Block {block.Code} is {block.Status}, not in the pool: only a pool block is put into a plan.",
                $"区块 {block.Code} {BlockAccess.StatusZh(block.Status)}，不在项目库中：只有项目库中的区块可以列入计划。");
        }

        var tree = await jurisdictions.TreeAsync(db, ct);
        var year = request.Year.Value;
        var city = tree.Find(block.CountyCode)?.ParentCode;
        var province = block.CountyCode[..2] + "0000";
        var local = await db.TransferPlans.SingleOrDefaultAsync(p => p.JurisdictionCode == block.CountyCode && p.Year == year, ct)
            ?? await db.TransferPlans.SingleOrDefaultAsync(p => p.JurisdictionCode == city && p.Year == year, ct);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        // ZJ-25, where a rule filling its provision is in force for the block's province today and covers its minerals.
        var exemption = IsMajorProjectInfrastructure(block) ? policies.Provider(MajorProjectQuota, block.Scope, today, today) : null;
        var exempt = exemption is not null;
        var now = time.GetUtcNow().UtcDateTime;
        string rule;
        string account;
        if (local is { Left: > 0 })
        {
            Use(block, local, QuotaSource.Local);
            rule = "CN-TRANSFER";
            account = $"uses 1 of the {year} quota of {local.JurisdictionCode} ({local.Used}/{local.Quota})";
        }
        else if (!exempt)
        {
            throw local is null
                ? RefusalException.ByRule("CN-TRANSFER", $"Neither county {block.CountyCode} nor city {city} has a transfer plan for {year}: set one before planning blocks.", "year",
                    detailZh: $"县（区）{block.CountyCode} 和市 {city} 均没有 {year} 年度出让计划：请先设定出让计划，再将区块列入计划。")
                : RefusalException.ByRule("CN-TRANSFER", $"The {year} transfer plan of {local.JurisdictionCode} is full ({local.Used} of {local.Quota} used); block {block.Code} cannot be added.", "year",
                    detailZh: $"年度出让计划指标已用完：{local.JurisdictionCode} 的 {year} 年度出让计划已满（已使用 {local.Used} 个，共 {local.Quota} 个），区块 {block.Code} 不能列入。");
        }
        else if (await db.TransferPlans.SingleOrDefaultAsync(p => p.JurisdictionCode == province && p.Year == year, ct) is { Left: > 0 } reserve)
        {
            Use(block, reserve, QuotaSource.ProvincialReserve);
            rule = exemption!.Id;
            account = $"the local quota is short, so 1 of the provincial reserve of {province} for {year} is drawn ({reserve.Used}/{reserve.Quota}). 市县指标不足，使用省级统筹指标。";
        }
        else
        {
            block.QuotaSource = QuotaSource.Exempt;
            rule = exemption!.Id;
            account = $"no quota is left locally or in the provincial reserve for {year}; as a large sand-gravel-earth block for a provincial major project's infrastructure it is not limited by the annual plan. 不受年度出让计划限制。";
        }

        block.Status = BlockStatus.Planned;
        block.UpdatedAtUtc = now;
        block.Version++;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "block.planned",
            RuleId = rule,
            Detail = $"Block {block.Code} put into the {year} transfer plan: {account}",
        });
        await db.SaveChangesAsync(ct);
        return block;
    }

    /// <summary>The provision a province's rule fills to let a major project's sand-gravel-earth block pass the annual plan (ZJ-25).</summary>
    public const string MajorProjectQuota = "majorProjectQuota";

    /// <summary>A large mine for a provincial major industrial project's infrastructure; which minerals count is the rule's scope (ZJ-25: 砂石土).</summary>
    public static bool IsMajorProjectInfrastructure(TransferBlock block) =>
        block.MajorProjectInfrastructure && block.MineScale == nameof(Rights.MineScale.Large);

    private static void Use(TransferBlock block, TransferPlan plan, QuotaSource source)
    {
        plan.Used++;
        plan.Version++;
        block.PlanId = plan.Id;
        block.QuotaSource = source;
    }
}
