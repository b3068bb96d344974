using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Rights;

/// <summary>
/// How long a licence may run, by the law in force on the day (the parameters of CN-TERM and CN-SCALE in force then,
/// with their two windows in the national rulebook). A first term (新立登记, <see cref="Initial"/>), by the registration
/// day: an exploration licence at most <c>ExplorationTermYears</c> (3 until 2025-06-30, 5 from 2025-07-01). A renewal
/// (延续, <see cref="For"/>), by the day the holder applies: at most <c>ExplorationRenewalYears</c> a renewal (2, then 5)
/// and at most <c>ExplorationRenewals</c> renewals (no limit, then 3). A mining licence, first term or renewal, at most its
/// scale's cap (CN-SCALE), the largest cap where the scale is not known.
/// </summary>
public static class TermLaw
{
    /// <summary>The longest renewal and the most renewals allowed (null: no limit), with the law's words for a refusal in English and Chinese.</summary>
    public sealed record Limit(int MaxYears, int? MaxRenewals, string Law, string LawZh);

    /// <summary>The longest renewal of <paramref name="right"/> applied for on <paramref name="appliedOn"/>, by <paramref name="parameters"/> in force that day.</summary>
    public static Limit For(MiningRight right, DateOnly appliedOn, ProvinceParameters parameters)
    {
        if (right.Kind == RightKind.Exploration)
        {
            var years = parameters.Int("ExplorationRenewalYears");
            var most = parameters.Int("ExplorationRenewals") is > 0 and var n ? n : (int?)null;
            return new Limit(years, most,
                $"CN-TERM as in force on {appliedOn:yyyy-MM-dd}: each renewal at most {years} years" + (most is null ? string.Empty : $", at most {most} renewals"),
                $"{appliedOn:yyyy-MM-dd} 施行的 CN-TERM：每次延续不超过 {years} 年" + (most is null ? string.Empty : $"，最多延续 {most} 次"));
        }

        return Mining(Enum.TryParse<MineScale>(right.MineScale, ignoreCase: true, out var known) ? known : null, parameters);
    }

    /// <summary>The longest first term of a right of <paramref name="kind"/> registered on <paramref name="registeredOn"/>, by <paramref name="parameters"/> in force that day.</summary>
    public static Limit Initial(RightKind kind, MineScale? scale, DateOnly registeredOn, ProvinceParameters parameters)
    {
        if (kind != RightKind.Exploration)
        {
            return Mining(scale, parameters);
        }

        var years = parameters.Int("ExplorationTermYears");
        return new Limit(years, null,
            $"CN-TERM as in force on {registeredOn:yyyy-MM-dd}: an exploration licence is issued for at most {years} years",
            $"{registeredOn:yyyy-MM-dd} 施行的 CN-TERM：探矿权有效期最长为 {years} 年");
    }

    /// <summary>
    /// The refusal of a first term from <paramref name="registeredOn"/> to <paramref name="expiresOn"/> longer than
    /// <see cref="Initial"/> allows, under CN-TERM (exploration) or CN-SCALE (mining); null within the law. A term of N
    /// years ends at the latest on the same day N years on, as a re-issue or a renewal counts it.
    /// </summary>
    public static RefusalException? InitialRefusal(RightKind kind, MineScale? scale, DateOnly registeredOn, DateOnly expiresOn, ProvinceParameters parameters)
    {
        var limit = Initial(kind, scale, registeredOn, parameters);
        var latest = registeredOn.AddYears(limit.MaxYears);
        if (expiresOn <= latest)
        {
            return null;
        }

        var rule = kind == RightKind.Exploration ? "CN-TERM" : "CN-SCALE";
        return RefusalException.ByRule(rule,
            $"A first term from {registeredOn:yyyy-MM-dd} to {expiresOn:yyyy-MM-dd} is longer than the law in force on {registeredOn:yyyy-MM-dd} allows: " +
            $"{limit.Law}; the expiry may be {latest:yyyy-MM-dd} at the latest.", "expiresOn",
            detailZh: $"登记的有效期超过法定上限：自 {registeredOn:yyyy-MM-dd} 至 {expiresOn:yyyy-MM-dd} 的有效期超过登记之日施行的规定：{limit.LawZh}；到期日最晚为 {latest:yyyy-MM-dd}。");
    }

    private static Limit Mining(MineScale? known, ProvinceParameters parameters)
    {
        var scale = known ?? MineScale.Large;
        var what = known is null ? "a mine of unknown scale (the largest cap)" : $"a {scale.ToString().ToLowerInvariant()} mine";
        var whatZh = known is null ? "规模未知的矿山（按大型矿山上限）" : $"{ScaleZh(scale)}矿山";
        return new Limit(ServiceLifeCap.For(parameters, scale), null,
            $"矿产资源开采登记管理办法 art. 7: the term of {what} is at most {ServiceLifeCap.For(parameters, scale)} years (CN-SCALE)",
            $"《矿产资源开采登记管理办法》第七条：{whatZh}的期限不超过 {ServiceLifeCap.For(parameters, scale)} 年（CN-SCALE）");
    }

    private static string ScaleZh(MineScale scale) => scale switch
    {
        MineScale.Large => "大型",
        MineScale.Medium => "中型",
        _ => "小型",
    };
}
