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

    /// <summary>The longest renewal and the most renewals allowed (null: no limit), with the law's words for a refusal.</summary>
    public sealed record Limit(int MaxYears, int? MaxRenewals, string Law);

    public static Limit For(MiningRight right, DateOnly appliedOn, ProvinceParameters parameters)
    {
        if (right.Kind == RightKind.Exploration)
        {
            return appliedOn < NewLawFrom
                ? new Limit(2, null, "矿产资源勘查区块登记管理办法 art. 10 (until 2025-06-30): each renewal at most 2 years")
                : new Limit(5, 3, "矿产资源法 (2024) art. 24 (from 2025-07-01): each renewal at most 5 years, at most three renewals");
        }

        var scale = Enum.TryParse<MineScale>(right.MineScale, ignoreCase: true, out var known) ? known : MineScale.Large;
        return new Limit(ServiceLifeCap.For(parameters, scale), null,
            $"矿产资源开采登记管理办法 art. 7: a {scale.ToString().ToLowerInvariant()} mine's term is at most {ServiceLifeCap.For(parameters, scale)} years (CN-SCALE)");
    }
}
