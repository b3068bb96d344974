using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Rights;

internal static class DeferralChoice
{
    /// <summary>
    /// The version of the deferral process a right may start at registration: only where a rule in force in its province
    /// on its registration day allows it (GS-9d, GS-9e, or a renewed policy filling the same provision), and only for the
    /// rights that rule covers; otherwise refused, naming the rule, its window or its scope.
    /// </summary>
    public static (LoadedDefinition Definition, PolicyRule Rule) Choose(WorkflowRegistry registry, PolicyBook policies, string workflowId, MiningRight right)
    {
        var versions = registry.Versions(workflowId).Where(v => v.Definition.AppliesTo is not null).ToList();
        var definition = registry.FindInForce(workflowId, right.RegisteredOn) ?? versions[^1];
        var reference = definition.Definition.AppliesTo!.Rule;
        var rule = RulebookLoader.IsRuleId(reference)
            ? policies.Find(reference, right.RegisteredOn) is { } named && named.Reaches(right.LocationCountyCode) ? named : null
            : policies.Provider(reference, right.Scope, right.RegisteredOn, right.RegisteredOn, scoped: false);
        if (rule is null)
        {
            var known = RulebookLoader.IsRuleId(reference) ? policies.Versions(reference) : policies.Providers(reference);
            var here = known.Where(r => r.Reaches(right.LocationCountyCode)).ToList();
            var name = known.Count > 0 ? string.Join("/", known.Select(r => r.Id).Distinct()) : reference;
            var first = known.Count > 0 ? known[0].Id : reference;
            if (here.Count == 0)
            {
                throw RefusalException.ByRule(first,
                    $"{name} is a rule of province {string.Join(", ", known.Select(r => r.Issuer).Distinct())}; this right lies in province {right.ProvinceCode}, where no such policy is in force.", "locationCountyCode",
                    detailZh: $"{name} 是省份 {string.Join("、", known.Select(r => r.Issuer).Distinct())} 的规则；本矿业权位于省份 {right.ProvinceCode}，该省没有施行此项政策。");
            }

            throw RefusalException.ByRule(here[^1].Id,
                $"{string.Join("; ", here.Select(r => $"{r.Id} ({r.SourceEn}) was in force from {r.InForceFrom:yyyy-MM-dd} to {r.InForceUntil:yyyy-MM-dd}"))}; " +
                $"a registration on {right.RegisteredOn:yyyy-MM-dd} falls outside every window in force, and no renewed policy has been published.", "registeredOn",
                detailZh: $"{string.Join("；", here.Select(r => $"{r.Id}（{r.SourceZh}）的施行期间为 {r.InForceFrom:yyyy-MM-dd} 至 {r.InForceUntil:yyyy-MM-dd}"))}；" +
                $"登记日期 {right.RegisteredOn:yyyy-MM-dd} 不在任何施行期间内，且尚未发布延续施行的政策。");
        }

        var scope = rule.AppliesTo ?? new RuleScope();
        var subject = right.Scope;
        if (scope.RightKinds is { } kinds && !kinds.Contains(subject.RightKind!))
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies to {string.Join(", ", kinds)} rights only; this is {(subject.RightKind == "exploration" ? "an exploration right (探矿权)" : "a mining right (采矿权)")}. {rule.SummaryEn}.", "kind",
                detailZh: $"{rule.Id} 仅适用于{string.Join("、", kinds.Select(KindZh))}；本矿业权为{KindZh(subject.RightKind!)}。{rule.SummaryZh}。");
        }

        if (scope.TransferModes is { } modes && !modes.Contains(subject.TransferMode!))
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies only to rights obtained by {string.Join(", ", modes)}; this right was obtained by {subject.TransferMode}. {rule.SummaryEn}.", "transferMode",
                detailZh: $"{rule.Id} 仅适用于以{string.Join("、", modes.Select(ModeZh))}方式取得的矿业权；本矿业权以{ModeZh(subject.TransferMode!)}方式取得。{rule.SummaryZh}。");
        }

        if (scope.BlankArea is { } blank && blank != right.BlankArea)
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies only to {(blank ? "blank-area (空白区)" : "non-blank-area")} rights; this right is {(right.BlankArea ? "in" : "not in")} a blank area. {rule.SummaryEn}.", "blankArea",
                detailZh: $"{rule.Id} 仅适用于{(blank ? "空白区" : "非空白区")}矿业权；本矿业权{(right.BlankArea ? "位于" : "不位于")}空白区。{rule.SummaryZh}。");
        }

        if (!scope.Covers(subject, policies.Minerals))
        {
            throw RefusalException.ByRule(rule.Id, $"{rule.Id} applies only to rights for {string.Join(", ", scope.Minerals ?? [])}. {rule.SummaryEn}.", "minerals",
                detailZh: $"{rule.Id} 仅适用于 {string.Join("、", scope.Minerals ?? [])} 矿种。{rule.SummaryZh}。");
        }

        return (definition, rule);
    }

    private static string KindZh(string kind) => kind == "exploration" ? "探矿权" : "采矿权";

    private static string ModeZh(string mode) => mode switch
    {
        "tender" => "招标",
        "auction" => "拍卖",
        "listing" => "挂牌",
        "agreement" => "协议",
        _ => mode,
    };
}
