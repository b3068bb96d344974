using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Rights;

/// <summary>
/// The licence term granted on an approved plan is the mine's service life, capped by scale (the policy brief,
/// parameter; defaults from the national mining registration rules: large 30, medium 20, small 10 years).
/// </summary>
public static class ServiceLifeCap
{
    /// <summary>Where the caps come from, in each language (configurable as Parameters:*:*MineMaxYears, which the reader is not shown).</summary>
    public const string SourceZh = "国家采矿登记管理规定（大型≤30年、中型≤20年、小型≤10年）";

    public const string SourceEn = "the national mining registration rules (large ≤ 30, medium ≤ 20, small ≤ 10 years; configurable per province)";

    public static int For(ProvinceParameters parameters, MineScale scale) => scale switch
    {
        MineScale.Large => parameters.LargeMineMaxYears,
        MineScale.Medium => parameters.MediumMineMaxYears,
        _ => parameters.SmallMineMaxYears,
    };

    /// <summary>The refusal of a service life over the cap, under the rule the caller applies; null within the cap.</summary>
    public static RefusalException? Refusal(ProvinceParameters parameters, MineScale scale, int serviceLifeYears, string ruleId)
    {
        var cap = For(parameters, scale);
        return serviceLifeYears <= cap ? null : RefusalException.ByRule(ruleId,
                $"A {scale.ToString().ToLowerInvariant()} mine's licence term is capped at {cap} years; a service life of {serviceLifeYears} years exceeds the cap. Source: {SourceEn}.",
                "serviceLifeYears",
                detailZh: $"{scale switch { MineScale.Large => "大型", MineScale.Medium => "中型", _ => "小型" }}矿山的许可证有效期上限为 {cap} 年；服务年限 {serviceLifeYears} 年超过上限。依据：{SourceZh}。");
    }

    public static void Check(ProvinceParameters parameters, MineScale scale, int serviceLifeYears, string ruleId)
    {
        if (Refusal(parameters, scale, serviceLifeYears, ruleId) is { } refusal)
        {
            throw refusal;
        }
    }
}
