using Microsoft.EntityFrameworkCore;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// <c>"guard": "incomeByRate"</c>: holds when the block's transfer contract collects its income by rate (ZJ-27a), which
/// has no first installment to wait for; otherwise the next transition (first payment by amount, ZJ-27b) fires.
/// </summary>
public sealed class IncomeByRateGuard : ITransitionGuard
{
    public string Name => "incomeByRate";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var blockId = context.Subject.Id;
        var contract = context.Db.Contracts.Local.FirstOrDefault(c => c.BlockId == blockId && !c.IsVoid)
            ?? await context.Db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.BlockId == blockId && c.VoidedAtUtc == null, cancellationToken);
        return contract?.Collection == IncomeCollection.Rate
            ? null
            : RefusalException.ByRule(context.Cite("incomeByAmount").RuleId, "The contract collects its transfer income by amount: the first installment is paid before registration.",
                detailZh: "该合同按金额征收出让收益：首期款应在登记前缴纳。");
    }
}
