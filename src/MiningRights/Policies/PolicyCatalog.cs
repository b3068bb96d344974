namespace MiningRights.Policies;

/// <summary>
/// The rules of POLICY.md with their sources. Workflow definitions, notices, breaches and journal entries name
/// these IDs; a definition that names an unknown ID does not load.
/// </summary>
public static class PolicyCatalog
{
    private const string Gansu = "620000";
    private const string Zhejiang = "330000";

    private static readonly DateOnly GansuFrom = new(2024, 5, 10);
    private static readonly DateOnly ZhejiangFrom = new(2023, 9, 5);
    private static readonly DateOnly BothUntil = new(2025, 12, 31);

    private static readonly PolicyRule[] Rules =
    [
        GansuRule("GS-8a", "找矿突破战略行动优先矿种", "Priority minerals for exploration", 8),
        GansuRule("GS-8b", "出让区块项目库与常态化出让", "Transfer block project pool, regular transfer", 8),
        GansuRule("GS-9a", "公开出让矿业权新立登记不再重复核查和公示", "Publicly transferred rights registered without repeated verification and disclosure", 9),
        GansuRule("GS-9b", "临期矿业权按季度分批核查", "Rights nearing expiry verified in quarterly batches", 9),
        GansuRule("GS-9c", "省级登记矿业权由县级直接报省级", "County reports verification of province-level rights directly to the province", 9),
        GansuRule("GS-9d", "公开出让空白区探矿权可暂不提交勘查实施方案，一年内提交", "Blank-area exploration right by public transfer registered without the exploration implementation plan, due within 1 year", 9),
        GansuRule("GS-9e", "公开出让采矿权可暂不提交开发与恢复治理方案，颁发两年期采矿许可证", "Mining right by public transfer registered without the development and restoration plan: 2-year licence", 9),
        GansuRule("GS-10a", "出让合同约定勘查投入、进度和成果报告", "Transfer contract fixes exploration investment, progress and results report", 10),
        GansuRule("GS-10b", "探矿权人违约情形", "Exploration holder breaches", 10),
        GansuRule("GS-10c", "采矿权人未按期建矿、绿色矿山、精深加工", "Mining holder: construction, green mine, deep processing not on schedule", 10),
        GansuRule("GS-10d", "登记机关依法依约处置违约", "Authority disposes of breaches under law and contract", 10),
        GansuRule("GS-11", "新建扩建矿山绿色矿山建设", "Green-mine construction for new and expanded mines", 11),
        ZhejiangRule("ZJ-24", "海砂采矿权与海域使用权、采矿权与建设用地使用权组合供应", "Combined supply of sea-sand mining and sea-area use rights; mining and construction-land rights", "二十四", "XXIV"),
        ZhejiangRule("ZJ-25", "省重大产业项目配套砂石土矿不受年度出让计划限制", "Sand-gravel-earth rights for provincial major industrial projects not limited by the annual plan", "二十五", "XXV"),
        ZhejiangRule("ZJ-26", "山区26县和海岛县提前介入", "Early intervention for the 26 mountain-area counties and island counties", "二十六", "XXVI"),
        ZhejiangRule("ZJ-27a", "出让收益按收益率逐年征收", "Transfer income by rate, on annual sales revenue, year by year", "二十七", "XXVII"),
        ZhejiangRule("ZJ-27b", "出让收益按金额征收，首期不低于10%", "Transfer income by amount: first installment at least 10%", "二十七", "XXVII"),
    ];

    private static readonly Dictionary<string, PolicyRule> ById = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyCollection<PolicyRule> All => Rules;

    public static PolicyRule? Find(string id) => ById.GetValueOrDefault(id);

    public static PolicyRule Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Rule '{id}' is not in POLICY.md.");

    private static PolicyRule GansuRule(string id, string zh, string en, int item) =>
        new(id, Gansu, zh, en,
            $"《甘肃省自然资源厅关于进一步加强自然资源要素保障的通知》（2024年5月10日）第{item}条",
            $"Gansu Department of Natural Resources notice on natural-resource factor guarantees, 10 May 2024, item {item}",
            GansuFrom, BothUntil);

    private static PolicyRule ZhejiangRule(string id, string zh, string en, string itemZh, string itemEn) =>
        new(id, Zhejiang, zh, en,
            $"浙江省自然资源厅关于进一步加强自然资源要素保障的通知（2023年9月5日）第（{itemZh}）条",
            $"Zhejiang Department of Natural Resources notice on natural-resource factor guarantees, 5 September 2023, item ({itemEn})",
            ZhejiangFrom, BothUntil);
}
