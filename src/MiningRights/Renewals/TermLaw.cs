using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Renewals;

/// <summary>
/// How long a licence may run, by the law in force on the day. A first term (新立登记, <see cref="Initial"/>): an
/// exploration licence registered until 2025-06-30 at most 3 years, from 2025-07-01 (Mineral Resources Law 2024, art. 24)
/// at most 5 (CN-TERM). A renewal (延续, <see cref="For"/>), by the day the holder applies: an exploration licence,
/// until 2025-06-30, by at most 2 years a renewal, as often as asked; from 2025-07-01 by at most 5 years, at most three
/// times (CN-TERM). A mining licence, first term or renewal, by at most its scale's cap (CN-SCALE, a parameter), the
/// largest cap where the scale is not known.
/// </summary>
public static class TermLaw
{
    /// <summary>The day the 2024 Mineral Resources Law took effect.</summary>
    public static readonly DateOnly NewLawFrom = new(2025, 7, 1);

    /// <summary>The longest renewal and the most renewals allowed (null: no limit), with the law's words for a refusal in English and Chinese.</summary>
    public sealed record Limit(int MaxYears, int? MaxRenewals, string Law, string LawZh);

    public static Limit For(MiningRight right, DateOnly appliedOn, ProvinceParameters parameters)
    {
        if (right.Kind == RightKind.Exploration)
        {
            return appliedOn < NewLawFrom
                ? new Limit(2, null, "矿产资源勘查区块登记管理办法 art. 10 (until 2025-06-30): each renewal at most 2 years",
                    "《矿产资源勘查区块登记管理办法》第十条（施行至 2025-06-30）：每次延续不超过 2 年")
                : new Limit(5, 3, "矿产资源法 (2024) art. 24 (from 2025-07-01): each renewal at most 5 years, at most three renewals",
                    "《矿产资源法》（2024 年修订）第二十四条（自 2025-07-01 施行）：每次延续不超过 5 年，最多延续三次");
        }

        return Mining(Enum.TryParse<MineScale>(right.MineScale, ignoreCase: true, out var known) ? known : null, parameters);
    }

    /// <summary>The longest first term of a right of <paramref name="kind"/> registered on <paramref name="registeredOn"/>, its mine's <paramref name="scale"/> where known.</summary>
    public static Limit Initial(RightKind kind, MineScale? scale, DateOnly registeredOn, ProvinceParameters parameters) =>
        kind == RightKind.Exploration
            ? registeredOn < NewLawFrom
                ? new Limit(3, null, "矿产资源勘查区块登记管理办法 art. 10 (until 2025-06-30): an exploration licence is issued for at most 3 years",
                    "《矿产资源勘查区块登记管理办法》第十条（施行至 2025-06-30）：探矿权有效期最长为 3 年")
                : new Limit(5, null, "矿产资源法 (2024) art. 24 (from 2025-07-01): an exploration licence is issued for at most 5 years",
                    "《矿产资源法》（2024 年修订）第二十四条（自 2025-07-01 施行）：探矿权有效期最长为 5 年")
            : Mining(scale, parameters);

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
