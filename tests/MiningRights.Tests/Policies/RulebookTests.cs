using System.Globalization;
using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

/// <summary>The product's rulebooks: every rule with its issuer, source and window, and how place and day choose what an act cites.</summary>
public sealed class RulebookTests
{
    private const string Gansu = "620000";
    private const string Zhejiang = "330000";
    private const string National = "100000";
    private const string LanzhouCounty = "620102";
    private const string HangzhouCounty = "330106";

    private static readonly PolicyBook Book = TestPolicies.Book;

    // Every rule of every rulebook: its issuer, a word of the item or article it is written in, and its window.
    public static TheoryData<string, string, string, string, string> EveryRule => new()
    {
        { "GS-8a", Gansu, "第8条", "2024-05-10", "2025-12-31" },
        { "GS-8b", Gansu, "第8条", "2024-05-10", "2025-12-31" },
        { "GS-9a", Gansu, "第9条", "2024-05-10", "2025-12-31" },
        { "GS-9b", Gansu, "第9条", "2024-05-10", "2025-12-31" },
        { "GS-9c", Gansu, "第9条", "2024-05-10", "2025-12-31" },
        { "GS-9d", Gansu, "第9条", "2024-05-10", "2025-12-31" },
        { "GS-9e", Gansu, "第9条", "2024-05-10", "2025-12-31" },
        { "GS-10a", Gansu, "第10条", "2024-05-10", "2025-12-31" },
        { "GS-10b", Gansu, "第10条", "2024-05-10", "2025-12-31" },
        { "GS-10c", Gansu, "第10条", "2024-05-10", "2025-12-31" },
        { "GS-10d", Gansu, "第10条", "2024-05-10", "2025-12-31" },
        { "GS-11", Gansu, "第11条", "2024-05-10", "2025-12-31" },
        { "ZJ-24", Zhejiang, "（二十四）", "2023-09-05", "2025-12-31" },
        { "ZJ-25", Zhejiang, "（二十五）", "2023-09-05", "2025-12-31" },
        { "ZJ-26", Zhejiang, "（二十六）", "2023-09-05", "2025-12-31" },
        { "ZJ-27a", Zhejiang, "（二十七）", "2023-09-05", "2025-12-31" },
        { "ZJ-27b", Zhejiang, "（二十七）", "2023-09-05", "2025-12-31" },
        { "CN-RENEW", National, "第五十条", "1986-10-01", "9999-12-31" },
        { "CN-TERM", National, "第十条", "1986-10-01", "2025-06-30" },
        { "CN-START", National, "第十八条", "1986-10-01", "9999-12-31" },
        { "CN-INVEST", National, "第十七条", "1986-10-01", "9999-12-31" },
        { "CN-GEODATA", National, "第二十条", "1986-10-01", "9999-12-31" },
        { "CN-TRANSFER", National, "出让与交易", "1986-10-01", "9999-12-31" },
        { "CN-CONTRACT", National, "第五百七十七条", "1986-10-01", "9999-12-31" },
        { "CN-LATEFEE", National, "财综〔2023〕10号", "1986-10-01", "9999-12-31" },
        { "CN-SCALE", National, "第七条", "1986-10-01", "9999-12-31" },
    };

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void Every_rule_is_in_its_issuers_rulebook_with_its_source_in_both_languages_and_its_window(string id, string issuer, string item, string from, string until)
    {
        var rule = Book.Versions(id)[0];

        Assert.Equal(issuer, rule.Issuer);
        Assert.Contains(item, rule.SourceZh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rule.SourceEn));
        Assert.False(string.IsNullOrWhiteSpace(rule.SummaryZh));
        Assert.False(string.IsNullOrWhiteSpace(rule.SummaryEn));
        Assert.Equal(Day(from), rule.InForceFrom);
        Assert.Equal(Day(until), rule.InForceUntil);
        Assert.Matches("^[0-9a-f]{64}$", rule.RulebookHash);
        Assert.Contains(issuer == Gansu ? "甘肃省" : issuer == Zhejiang ? "浙江省" : "《", rule.SourceZh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rulebooks_hold_exactly_the_rules_listed_above_so_a_new_rule_comes_with_its_test()
    {
        var listed = EveryRule.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(listed, Book.Rules.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CN_TERM_has_two_windows_three_years_until_30_June_2025_and_five_years_with_three_renewals_from_1_July_2025()
    {
        var before = Book.Find("CN-TERM", new DateOnly(2025, 6, 30))!;
        var after = Book.Find("CN-TERM", new DateOnly(2025, 7, 1))!;

        Assert.NotSame(before, after);
        Assert.Equal(3, Book.Parameters(LanzhouCounty, new DateOnly(2025, 6, 30)).Int("ExplorationTermYears"));
        Assert.Equal(2, Book.Parameters(LanzhouCounty, new DateOnly(2025, 6, 30)).Int("ExplorationRenewalYears"));
        Assert.Equal(5, Book.Parameters(LanzhouCounty, new DateOnly(2025, 7, 1)).Int("ExplorationTermYears"));
        Assert.Equal(3, Book.Parameters(HangzhouCounty, new DateOnly(2025, 7, 1)).Int("ExplorationRenewals"));
        Assert.Contains("矿产资源法", after.SourceZh, StringComparison.Ordinal);
        Assert.Contains("勘查区块登记管理办法", before.SourceZh, StringComparison.Ordinal);
    }

    [Fact]
    public void CN_INVEST_CN_START_and_CN_GEODATA_numbers_are_parameters_of_the_national_rulebook()
    {
        var parameters = Book.Parameters(HangzhouCounty, new DateOnly(2026, 12, 4));

        Assert.Equal(2000m, parameters.Decimal("InvestmentFirstYearYuanPerKm2"));
        Assert.Equal(5000m, parameters.Decimal("InvestmentSecondYearYuanPerKm2"));
        Assert.Equal(10000m, parameters.Decimal("InvestmentLaterYearsYuanPerKm2"));
        Assert.Equal(6, parameters.Int("WorkStartMonths"));
        Assert.Equal(6, parameters.Int("WorkStoppageMonths"));
        Assert.Equal(30, parameters.Int("GeodataExplorationDaysBeforeExpiry"));
        Assert.Equal(90, parameters.Int("GeodataMiningDaysBeforeExpiry"));
        Assert.Equal(15, parameters.Int("GeodataAfterRevocationDays"));
        Assert.Equal(180, parameters.Int("GeodataAfterStageDays"));
        Assert.Equal("CN-INVEST", parameters.Values["InvestmentFirstYearYuanPerKm2"].RuleId);
    }

    [Fact]
    public void GS_10b_fills_the_exploration_breach_only_for_Gansu_rights_whose_duty_arose_inside_its_window()
    {
        var gansu = new RuleSubject(LanzhouCounty, "exploration");
        var zhejiang = new RuleSubject(HangzhouCounty, "exploration");
        var actDay = new DateOnly(2027, 3, 1);

        Assert.Equal("GS-10b", Book.Resolve("explorationBreach", gansu, new DateOnly(2025, 12, 31), actDay)?.Id);
        Assert.Null(Book.Resolve("explorationBreach", gansu, new DateOnly(2026, 1, 1), actDay));
        Assert.Null(Book.Resolve("explorationBreach", zhejiang, new DateOnly(2025, 6, 1), actDay));
        Assert.Null(Book.Resolve("GS-10b", zhejiang, new DateOnly(2025, 6, 1), actDay));
    }

    [Fact]
    public void GS_10d_is_cited_for_a_Gansu_case_whose_duty_arose_in_its_window_and_CN_CONTRACT_everywhere()
    {
        var gansu = Book.Cite("breachDisposition", ["breachDisposition", "CN-CONTRACT"], new RuleSubject(LanzhouCounty), new DateOnly(2025, 12, 31), new DateOnly(2027, 1, 20));
        var zhejiang = Book.Cite("breachDisposition", ["breachDisposition", "CN-CONTRACT"], new RuleSubject(HangzhouCounty), new DateOnly(2025, 12, 31), new DateOnly(2027, 1, 20));

        Assert.Equal(["GS-10d", "CN-CONTRACT"], gansu.RuleIds);
        Assert.Equal(["CN-CONTRACT"], zhejiang.RuleIds);
        Assert.Equal("CN-CONTRACT", zhejiang.RuleId);
        Assert.Contains("[gansu-2024 ", gansu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("GS-", zhejiang.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GS_9d_process_whose_arising_day_is_unknown_still_cites_GS_9d_rather_than_nothing()
    {
        // A deferral written into the database outside the service (no arising day kept, started in 2026): its provision
        // is filled by no rule in force on that day, yet every act on it must cite the rule that allowed it.
        var cited = Book.Cite("planDeferral", ["planDeferral", "registrationWithoutReverification", "breachDisposition"], new RuleSubject(LanzhouCounty, "exploration"),
            new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 4));

        Assert.Equal(["GS-9d"], cited.RuleIds);
    }

    [Fact]
    public void A_national_rule_is_cited_as_in_force_on_the_day_of_the_act_not_the_day_the_duty_arose()
    {
        var cited = Book.Cite("CN-TERM", ["CN-TERM"], new RuleSubject(LanzhouCounty, "exploration"), new DateOnly(2024, 9, 1), new DateOnly(2026, 2, 1));

        Assert.Contains("矿产资源法", cited.Rules[0].SourceZh, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 7, 1), cited.Rules[0].InForceFrom);
    }

    [Fact]
    public void ZJ_27a_and_ZJ_27b_apply_to_mining_rights_in_Zhejiang_only()
    {
        var signed = new DateOnly(2025, 4, 1);

        Assert.Equal("ZJ-27b", Book.Provider("incomeByAmount", new RuleSubject(HangzhouCounty, "mining"), signed, signed)?.Id);
        Assert.Equal("ZJ-27a", Book.Provider("incomeByRate", new RuleSubject(HangzhouCounty, "mining"), signed, signed)?.Id);
        Assert.Null(Book.Provider("incomeByAmount", new RuleSubject(HangzhouCounty, "exploration"), signed, signed));
        Assert.Null(Book.Provider("incomeByAmount", new RuleSubject(LanzhouCounty, "mining"), signed, signed));
        Assert.Equal(10m, Book.Parameters(HangzhouCounty, signed).FirstInstallmentMinimumPercent);
        Assert.Null(Book.Parameters(LanzhouCounty, signed).FirstInstallmentMinimumPercent);
    }

    [Fact]
    public void GS_8a_priority_minerals_are_matched_through_the_mineral_list_and_its_aliases()
    {
        var day = new DateOnly(2025, 1, 10);

        Assert.Equal("GS-8a", Book.Provider("priorityMinerals", new RuleSubject(LanzhouCounty, MineralNames: ["金矿"]), day, day)?.Id);
        Assert.Equal("GS-8a", Book.Provider("priorityMinerals", new RuleSubject(LanzhouCounty, MineralNames: ["石墨"]), day, day)?.Id);
        Assert.Null(Book.Provider("priorityMinerals", new RuleSubject(LanzhouCounty, MineralNames: ["石灰岩"]), day, day));
        Assert.Equal("Au", Book.Minerals.Code("金"));
        Assert.Equal("Au", Book.Minerals.Code("gold"));
    }

    [Fact]
    public void GS_8b_GS_9a_GS_9b_GS_9c_GS_9d_GS_9e_GS_10a_GS_10c_GS_11_fill_their_provisions_in_Gansu_in_2025_and_nowhere_in_2026()
    {
        var provisions = new Dictionary<string, string>
        {
            ["blockPool"] = "GS-8b", ["registrationWithoutReverification"] = "GS-9a", ["quarterlyVerification"] = "GS-9b",
            ["directCountyReport"] = "GS-9c", ["planDeferral"] = "GS-9d", ["provisionalLicense"] = "GS-9e",
            ["contractPerformance"] = "GS-10a", ["miningBreach"] = "GS-10c", ["greenMine"] = "GS-11",
        };
        foreach (var (provision, id) in provisions)
        {
            Assert.Equal(id, Book.Provider(provision, new RuleSubject(LanzhouCounty), new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), scoped: false)?.Id);
            Assert.Null(Book.Provider(provision, new RuleSubject(LanzhouCounty), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), scoped: false));
            Assert.Null(Book.Provider(provision, new RuleSubject(HangzhouCounty), new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1), scoped: false));
        }
    }

    [Fact]
    public void ZJ_24_ZJ_25_ZJ_26_fill_their_provisions_in_Zhejiang_only_and_ZJ_25_only_for_sand_gravel_earth()
    {
        var day = new DateOnly(2025, 3, 1);

        Assert.Equal("ZJ-24", Book.Provider("combinedSupply", new RuleSubject(HangzhouCounty), day, day)?.Id);
        Assert.Equal("ZJ-26", Book.Provider("earlyIntervention", new RuleSubject(HangzhouCounty), day, day)?.Id);
        Assert.Equal("ZJ-25", Book.Provider("majorProjectQuota", new RuleSubject(HangzhouCounty, "mining", MineralNames: ["建筑用砂"]), day, day)?.Id);
        Assert.Null(Book.Provider("majorProjectQuota", new RuleSubject(HangzhouCounty, "mining", MineralNames: ["铜"]), day, day));
        Assert.Null(Book.Provider("majorProjectQuota", new RuleSubject(LanzhouCounty, "mining", MineralNames: ["砂石土"]), day, day));
    }

    [Fact]
    public void CN_RENEW_CN_TRANSFER_CN_LATEFEE_and_CN_SCALE_parameters_apply_in_every_province_with_their_defaults()
    {
        foreach (var county in new[] { LanzhouCounty, HangzhouCounty })
        {
            var parameters = Book.Parameters(county, new DateOnly(2026, 12, 4));
            Assert.Equal(30, parameters.RenewalLeadDays);
            Assert.Equal("CN-RENEW", parameters.Values["RenewalLeadDays"].RuleId);
            Assert.Equal(20, parameters.Days("AnnouncementDays"));
            Assert.Equal("CN-TRANSFER", parameters.Values["AnnouncementDays"].RuleId);
            Assert.Equal(0m, parameters.LateFeeDailyRate);
            Assert.Equal("CN-LATEFEE", parameters.Values["LateFeeDailyRate"].RuleId);
            Assert.Equal((30, 20, 10), (parameters.LargeMineMaxYears, parameters.MediumMineMaxYears, parameters.SmallMineMaxYears));
            Assert.Equal("CN-SCALE", parameters.Values["LargeMineMaxYears"].RuleId);
            Assert.Equal([60, 30, 7, 1], parameters.ReminderDaysBefore);
            Assert.Null(parameters.EnclosingYears);
        }

        Assert.Equal(2, Book.Parameters(LanzhouCounty, new DateOnly(2025, 1, 1)).EnclosingYears);
    }

    [Fact]
    public void A_province_value_replaces_the_default_for_that_province_only_and_a_list_whole()
    {
        var book = TestPolicies.With(
            ("Parameters:Defaults:CaseGraceDays", "20"),
            ("Parameters:Provinces:620000:ReminderDaysBefore:0", "45"),
            ("Parameters:Provinces:620000:ReminderDaysBefore:1", "10"));

        Assert.Equal([45, 10], book.Parameters(LanzhouCounty, new DateOnly(2026, 1, 1)).ReminderDaysBefore);
        Assert.Equal([60, 30, 7, 1], book.Parameters(HangzhouCounty, new DateOnly(2026, 1, 1)).ReminderDaysBefore);
        Assert.Equal(20, book.Parameters(HangzhouCounty, new DateOnly(2026, 1, 1)).CaseGraceDays);
        Assert.True(book.Parameters(HangzhouCounty, new DateOnly(2026, 1, 1)).Values["CaseGraceDays"].Configured);
    }

    [Theory]
    [InlineData("Parameters:Defaults:RenewalLeadDays", "29", "from 30 to 365")]
    [InlineData("Parameters:Defaults:ReminderHour", "24", "from 0 to 23")]
    [InlineData("Parameters:Provinces:620000:NoSuchParameter", "1", "no rulebook defines the parameter 'NoSuchParameter'")]
    [InlineData("Parameters:Provinces:62000:CaseGraceDays", "1", "is not a six-digit province code")]
    [InlineData("Parameters:Defaults:IncomeDeclarationDue", "13-01", "is not a month and day")]
    public void A_configured_value_the_rulebook_refuses_stops_the_start_naming_the_setting(string key, string value, string reason)
    {
        var error = Assert.Throws<RulebookException>(() => TestPolicies.With((key, value)));

        var problem = Assert.Single(error.Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
        Assert.Contains(string.Join(':', key.Split(':').Skip(1).SkipLast(1)), problem.Reason, StringComparison.Ordinal);
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
