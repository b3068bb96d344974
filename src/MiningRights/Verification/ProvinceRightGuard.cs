using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>
/// <c>"guard": "registeredBelowMinistry"</c>: the result is the batch authority's to accept only when that authority's
/// level registered the right; a right the Ministry registered (100000) is verified in its province's batch, but the
/// province does not accept its result, it forwards it to the Ministry (报部, GS-9c).
/// </summary>
public sealed class ProvinceRightGuard : ITransitionGuard
{
    public string Name => "registeredBelowMinistry";

    public async Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var right = await context.RightAsync(cancellationToken);
        return right.AuthorityCode != QuarterlyVerification.Ministry
            ? null
            : RefusalException.ByRule("GS-9c",
                $"{right.LicenseNumber} was registered by the Ministry of Natural Resources ({QuarterlyVerification.Ministry}): the province does not accept its verification result; forward it to the Ministry (报部) or send it back to the county.",
                detailZh: $"自然资源部登记的矿业权不由省级接收核查结果：{right.LicenseNumber} 由自然资源部（{QuarterlyVerification.Ministry}）登记，省级应将核查结果报部，或退回县级重新核查。");
    }
}
