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
            return RefusalException.ByRule("GS-9a", $"{open} objection(s) raised during the disclosure are not decided yet; decide each before approving. 公示期间的异议尚未处理完毕。");
        }

        return upheld > 0
            ? RefusalException.ByRule("GS-9a", $"{upheld} objection(s) were upheld: the transfer cannot be approved as disclosed; refuse it instead. 异议成立，不得批准。")
            : null;
    }
}
