namespace MiningRights.Policies;

/// <summary>
/// The rules of the policy brief with their sources. Workflow definitions, notices, breaches and journal entries name
/// these IDs; a definition that names an unknown ID does not load.
/// </summary>
public static class PolicyCatalog
{
    /// <summary>The step of a right's life at which the registration authority applies a rule of its province.</summary>
    public const string RegistrationStage = "registration";

    private const string Gansu = "620000";
    private const string Zhejiang = "330000";
    private const string National = "100000";

    private static readonly DateOnly GansuFrom = new(2024, 5, 10);
    private static readonly DateOnly ZhejiangFrom = new(2023, 9, 5);
    private static readonly DateOnly BothUntil = new(2025, 12, 31);
    private static readonly DateOnly Always = new(1986, 10, 1);
    private static readonly DateOnly Open = new(9999, 12, 31);

    private static readonly PolicyRule[] Rules =
    [
        GansuRule("GS-8a", "找矿突破战略行动优先矿种", "Priority minerals for exploration", 8),
        GansuRule("GS-8b", "出让区块项目库与常态化出让", "Transfer block project pool, regular transfer", 8),
        GansuRule("GS-9a", "公开出让矿业权新立登记不再重复核查和公示", "Publicly transferred rights registered without repeated verification and disclosure", 9) with
        {
            Stage = RegistrationStage,
            Outcomes = new Dictionary<string, string>
            {
                ["public"] = "Public transfer: registered without repeated verification and disclosure (GS-9a). 公开出让，不再重复核查和公示。",
                ["agreement"] = "Agreement transfer: verification and information disclosure required (GS-9a). 协议出让，须核查和信息公示。",
            },
        },
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
        NationalRule("CN-RENEW", "有效期届满30日前申请延续，登记机关在届满前作出决定", "Apply for renewal at least 30 days before expiry; the authority decides before expiry",
            "《矿产资源勘查区块登记管理办法》第十条；《矿产资源开采登记管理办法》第七条；《行政许可法》第五十条",
            "Exploration block registration measures art. 10; mining registration measures art. 7; Administrative Licensing Law art. 50"),
        NationalRule("CN-TERM", "探矿权有效期：2025年6月30日前最长3年、每次延续最长2年；2025年7月1日起5年、最多延续三次每次5年", "Exploration licence term: up to 3 years, renewals up to 2 years (until 2025-06-30); 5 years with at most three 5-year renewals (from 2025-07-01)",
            "《矿产资源勘查区块登记管理办法》第十条；《矿产资源法》（2024年修订）第二十四条", "Exploration block registration measures art. 10; Mineral Resources Law (2024) art. 24"),
        NationalRule("CN-START", "领取勘查许可证之日起6个月内开始施工", "Exploration work starts within 6 months of the licence being issued",
            "《矿产资源勘查区块登记管理办法》第十八条、第二十九条", "Exploration block registration measures arts. 18, 29"),
        NationalRule("CN-INVEST", "最低勘查投入：第一年每平方公里2000元、第二年5000元、第三年起10000元", "Minimum exploration investment: 2,000 yuan/km² in year 1, 5,000 in year 2, 10,000 from year 3",
            "《矿产资源勘查区块登记管理办法》第十七条", "Exploration block registration measures art. 17"),
        NationalRule("CN-GEODATA", "地质资料汇交：探矿权有效期届满30日前、采矿权届满90日前", "Geological data submitted at least 30 days (exploration) or 90 days (mining) before the licence expires",
            "《地质资料管理条例》第十条、第二十条", "Regulations on geological data, arts. 10, 20"),
        NationalRule("CN-TRANSFER", "矿业权以招标、拍卖、挂牌方式公开出让，按年度出让计划组织，出让公告期满后确定竞得人并签订出让合同", "Rights are transferred publicly by tender, auction or listing under an annual transfer plan; the winner is fixed after the announcement period and signs the transfer contract",
            "《矿产资源法》（2024年修订）；《矿业权出让交易规则》（自然资源部）", "Mineral Resources Law (2024); Rules for mining-right transfer transactions (Ministry of Natural Resources)"),
        NationalRule("CN-LATEFEE", "出让收益逾期缴纳可按日加收滞纳金", "Transfer income paid late may carry a daily late charge",
            "《矿业权出让收益征收办法》（财综〔2023〕10号）", "Measures for collecting mining-right transfer income (Cai Zong [2023] No. 10)"),
        NationalRule("CN-SCALE", "采矿许可证有效期按建设规模：大型≤30年、中型≤20年、小型≤10年", "Mining licence term by scale: large ≤ 30, medium ≤ 20, small ≤ 10 years",
            "《矿产资源开采登记管理办法》第七条", "Mining registration measures art. 7"),
    ];

    private static readonly Dictionary<string, PolicyRule> ById = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static IReadOnlyCollection<PolicyRule> All => Rules;

    public static PolicyRule? Find(string id) => ById.GetValueOrDefault(id);

    public static PolicyRule Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Rule '{id}' is not in the policy catalogue.");

    /// <summary>The rules a province applies at <paramref name="stage"/> that were in force on <paramref name="date"/>.</summary>
    public static IReadOnlyList<PolicyRule> InForce(string stage, string provinceCode, DateOnly date) =>
        Rules.Where(r => r.Stage == stage && (r.ProvinceCode == provinceCode || r.ProvinceCode == National) && r.InForceOn(date)).ToList();

    private static PolicyRule GansuRule(string id, string zh, string en, int item) =>
        new(id, Gansu, zh, en,
            $"《甘肃省自然资源厅关于进一步加强自然资源要素保障的通知》（2024年5月10日）第{item}条",
            $"Gansu Department of Natural Resources notice on natural-resource factor guarantees, 10 May 2024, item {item}",
            GansuFrom, BothUntil);

    private static PolicyRule NationalRule(string id, string zh, string en, string sourceZh, string sourceEn) =>
        new(id, National, zh, en, sourceZh, sourceEn, Always, Open);

    private static PolicyRule ZhejiangRule(string id, string zh, string en, string itemZh, string itemEn) =>
        new(id, Zhejiang, zh, en,
            $"浙江省自然资源厅关于进一步加强自然资源要素保障的通知（2023年9月5日）第（{itemZh}）条",
            $"Zhejiang Department of Natural Resources notice on natural-resource factor guarantees, 5 September 2023, item ({itemEn})",
            ZhejiangFrom, BothUntil);
}
