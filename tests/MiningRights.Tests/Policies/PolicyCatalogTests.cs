using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

public sealed class PolicyCatalogTests
{
    private static readonly DateOnly NoticesExpire = new(2025, 12, 31);

    // the policy brief: rule ID, province, and the item of the notice it comes from.
    public static TheoryData<string, string, string, string> RulesOfTheNotices => new()
    {
        { "GS-8a", "620000", "第8条", "item 8" },
        { "GS-8b", "620000", "第8条", "item 8" },
        { "GS-9a", "620000", "第9条", "item 9" },
        { "GS-9b", "620000", "第9条", "item 9" },
        { "GS-9c", "620000", "第9条", "item 9" },
        { "GS-9d", "620000", "第9条", "item 9" },
        { "GS-9e", "620000", "第9条", "item 9" },
        { "GS-10a", "620000", "第10条", "item 10" },
        { "GS-10b", "620000", "第10条", "item 10" },
        { "GS-10c", "620000", "第10条", "item 10" },
        { "GS-10d", "620000", "第10条", "item 10" },
        { "GS-11", "620000", "第11条", "item 11" },
        { "ZJ-24", "330000", "（二十四）", "(XXIV)" },
        { "ZJ-25", "330000", "（二十五）", "(XXV)" },
        { "ZJ-26", "330000", "（二十六）", "(XXVI)" },
        { "ZJ-27a", "330000", "（二十七）", "(XXVII)" },
        { "ZJ-27b", "330000", "（二十七）", "(XXVII)" },
    };

    [Theory]
    [MemberData(nameof(RulesOfTheNotices))]
    public void Every_rule_of_the_notices_is_catalogued_with_its_source_in_both_languages(
        string id, string province, string itemZh, string itemEn)
    {
        var rule = PolicyCatalog.Find(id);

        Assert.NotNull(rule);
        Assert.Equal(id, rule.Id);
        Assert.Equal(province, rule.ProvinceCode);
        Assert.Contains(itemZh, rule.SourceZh, StringComparison.Ordinal);
        Assert.Contains(province == "620000" ? "甘肃省" : "浙江省", rule.SourceZh, StringComparison.Ordinal);
        Assert.Contains(itemEn, rule.SourceEn, StringComparison.Ordinal);
        Assert.Contains(province == "620000" ? "Gansu" : "Zhejiang", rule.SourceEn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rule.SummaryZh));
        Assert.False(string.IsNullOrWhiteSpace(rule.SummaryEn));
        Assert.Equal(NoticesExpire, rule.InForceUntil);
    }

    [Fact]
    public void Gansu_rules_are_in_force_from_the_notice_date_10_May_2024()
    {
        Assert.All(PolicyCatalog.All.Where(r => r.ProvinceCode == "620000"),
            r => Assert.Equal(new DateOnly(2024, 5, 10), r.InForceFrom));
    }

    [Fact]
    public void Zhejiang_rules_are_in_force_from_the_notice_date_5_September_2023()
    {
        Assert.All(PolicyCatalog.All.Where(r => r.ProvinceCode == "330000"),
            r => Assert.Equal(new DateOnly(2023, 9, 5), r.InForceFrom));
    }

    [Theory]
    [InlineData("2024-05-09", false)]
    [InlineData("2024-05-10", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    public void A_rule_is_in_force_on_both_ends_of_its_window_and_not_beyond(string date, bool inForce)
    {
        var rule = PolicyCatalog.Get("GS-9d");

        Assert.Equal(inForce, rule.InForceOn(DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_Zhejiang_rule_is_not_in_force_the_day_before_its_notice()
    {
        var rule = PolicyCatalog.Get("ZJ-27b");

        Assert.False(rule.InForceOn(new DateOnly(2023, 9, 4)));
        Assert.True(rule.InForceOn(new DateOnly(2023, 9, 5)));
    }

    [Fact]
    public void An_unknown_rule_ID_is_not_found()
    {
        Assert.Null(PolicyCatalog.Find("GS-99"));
        Assert.Null(PolicyCatalog.Find("gs-9d"));
        var error = Assert.Throws<KeyNotFoundException>(() => PolicyCatalog.Get("GS-99"));
        Assert.Contains("GS-99", error.Message, StringComparison.Ordinal);
    }
}
