namespace MiningRights.Imports;

/// <summary>
/// A column of the register file: its key (the API's field name), its Chinese heading, whether every row must fill it,
/// and the template's example. A heading is read as the key, the Chinese heading, or both as the template writes them
/// ("许可证号 / licenseNumber").
/// </summary>
public sealed record ImportColumn(string Key, string Zh, bool Required, string Example)
{
    public const string Separator = " / ";

    public string Heading => Zh + Separator + Key;

    public bool Matches(string heading) =>
        heading.Split('/', StringSplitOptions.TrimEntries)
            .Any(part => part.Equals(Key, StringComparison.OrdinalIgnoreCase) || part.Equals(Zh, StringComparison.Ordinal));

    /// <summary>The columns in the template's order: the holder's first, then the right's, then its corners.</summary>
    public static IReadOnlyList<ImportColumn> All { get; } =
    [
        new("holderCreditCode", "统一社会信用代码", true, "91620100MA74A1B2CX"),
        new("holderNameZh", "矿业权人名称", true, "甘肃示例矿业有限公司"),
        new("holderNameEn", "矿业权人英文名称", true, "Gansu Example Mining Co., Ltd."),
        new("holderLanguage", "通知语言", true, "zh-CN"),
        new("holderEmails", "联系邮箱", true, "notices@example-mining.cn"),
        new("licenseNumber", "许可证号", true, "T62120080302001234"),
        new("kind", "矿业权类型", true, "探矿权"),
        new("projectName", "项目名称", true, "马鬃山金矿普查"),
        new("minerals", "矿种", true, "金、铜"),
        new("areaKm2", "面积（平方千米）", false, ""),
        new("locationCountyCode", "所在县（区）代码", true, "620923"),
        new("authorityCode", "登记机关代码", true, "620000"),
        new("transferMode", "出让方式", true, "挂牌"),
        new("blankArea", "空白区", false, "否"),
        new("registeredOn", "登记日期", true, "2024-03-01"),
        new("expiresOn", "有效期至", true, "2027-03-01"),
        new("mineScale", "矿山规模", false, ""),
        new("cornerNotation", "坐标形式", false, "高斯-克吕格"),
        new("zone", "带号", false, "32"),
        new("corners", "拐点坐标", false, "4639000,32450000;4639000,32452000;4641000,32452000;4641000,32450000"),
    ];
}
