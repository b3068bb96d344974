using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// <c>"guard": "justifiedReason"</c>: holds when the relief claim rests on a justified reason (正当理由, GS-10c) rather
/// than force majeure (GS-10b), so its decision is journalled under the rule it applies.
/// </summary>
public sealed class JustifiedReasonGuard : ITransitionGuard
{
    public string Name => "justifiedReason";

    public Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Values.Get(ClaimRelief.GroundValue) == ClaimRelief.JustifiedReason
            ? null
            : RefusalException.ByRule(context.Cite(ClaimRelief.ForceMajeure).RuleId, "The claim is of force majeure.", detailZh: "该申请的事由为不可抗力。"));
}
