using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>
/// <c>"guard": "registeredByMinistry"</c>: the task's right was registered by the Ministry (100000), so its province
/// forwards the result to the Ministry (报部, GS-9c) rather than accepting it; any other right's result is accepted.
/// </summary>
public sealed class MinistryRightGuard : ITransitionGuard
{
    public string Name => "registeredByMinistry";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var right = await context.RightAsync(cancellationToken);
        return right.AuthorityCode == QuarterlyVerification.Ministry
            ? null
            : RefusalException.ByRule("GS-9c",
                $"{right.LicenseNumber} was registered by {right.AuthorityCode}, not by the Ministry of Natural Resources ({QuarterlyVerification.Ministry}): its verification result is accepted, not forwarded to the Ministry.",
                detailZh: $"该矿业权不属于自然资源部登记：{right.LicenseNumber} 的登记机关为 {right.AuthorityCode}，不是自然资源部（{QuarterlyVerification.Ministry}）；其核查结果应予接收，无需报部。");
    }
}
