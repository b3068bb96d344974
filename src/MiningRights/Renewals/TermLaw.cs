using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Renewals;

/// <summary>
/// How long a renewal (延续) may be, by the law in force on the day the holder applies (CN-TERM): an exploration
/// licence, until 2025-06-30, by at most 2 years a renewal, as often as asked; from 2025-07-01 (Mineral Resources Law
/// 2024, art. 24) by at most 5 years, at most three times. A mining licence by at most its scale's cap (CN-SCALE, a
/// parameter), the largest cap where the scale is not recorded.
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

        var scale = Enum.TryParse<MineScale>(right.MineScale, ignoreCase: true, out var known) ? known : MineScale.Large;
        return new Limit(ServiceLifeCap.For(parameters, scale), null,
            $"矿产资源开采登记管理办法 art. 7: a {scale.ToString().ToLowerInvariant()} mine's term is at most {ServiceLifeCap.For(parameters, scale)} years (CN-SCALE)",
            $"《矿产资源开采登记管理办法》第七条：{ScaleZh(scale)}矿山的期限不超过 {ServiceLifeCap.For(parameters, scale)} 年（CN-SCALE）");
    }

    private static string ScaleZh(MineScale scale) => scale switch
    {
        MineScale.Large => "大型",
        MineScale.Medium => "中型",
        _ => "小型",
    };
}
