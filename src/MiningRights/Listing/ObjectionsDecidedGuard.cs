using Microsoft.EntityFrameworkCore;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// <c>"guard": "objectionsDecided"</c>: an agreement transfer is approved only when every objection raised during its
/// disclosure has been decided and none was upheld (GS-9a).
/// </summary>
public sealed class ObjectionsDecidedGuard : ITransitionGuard
{
    public string Name => "objectionsDecided";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var objections = await context.Db.Objections.AsNoTracking().Where(o => o.InstanceId == context.Instance.Id)
            .Select(o => o.Decision).ToListAsync(cancellationToken);
        var open = objections.Count(d => d is null);
        var upheld = objections.Count(d => d == ObjectionDecision.Upheld);
        if (open > 0)
        {
            return RefusalException.ByRule(context.Cite("registrationWithoutReverification").RuleId, $"{open} objection(s) raised during the disclosure are not decided yet; decide each before approving.",
                detailZh: $"公示期间的异议尚未处理完毕：公示期间提出的 {open} 项异议尚未作出决定；请逐项作出决定后再批准。");
        }

        return upheld > 0
            ? RefusalException.ByRule(context.Cite("registrationWithoutReverification").RuleId, $"{upheld} objection(s) were upheld: the transfer cannot be approved as disclosed; refuse it instead.",
                detailZh: $"异议成立，不得批准：{upheld} 项异议成立，不能按公示内容批准该出让；应改为不予批准。")
            : null;
    }
}
