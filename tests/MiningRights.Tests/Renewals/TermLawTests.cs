using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Renewals;
using MiningRights.Rights;

namespace MiningRights.Tests.Renewals;

public sealed class TermLawTests
{
    // The parameters in force on the day of the act, as the service reads them: CN-TERM changed on 2025-07-01.
    private static ProvinceParameters On(string day) => Tests.Policies.TestPolicies.Book.Parameters("620102", Day(day));

    [Theory]
    [InlineData("2025-06-30", 3)]
    [InlineData("2024-05-10", 3)]
    [InlineData("2025-07-01", 5)]
    [InlineData("2026-01-15", 5)]
    public void CN_TERM_an_exploration_licence_s_first_term_is_3_years_until_30_June_2025_and_5_from_1_July(string registeredOn, int years) =>
        Assert.Equal(years, TermLaw.Initial(RightKind.Exploration, null, Day(registeredOn), On(registeredOn)).MaxYears);

    [Theory]
    [InlineData(MineScale.Large, 30)]
    [InlineData(MineScale.Medium, 20)]
    [InlineData(MineScale.Small, 10)]
    [InlineData(null, 30)]
    public void CN_SCALE_a_mining_licence_s_first_term_is_its_scale_s_cap_and_the_largest_where_the_scale_is_not_known(MineScale? scale, int years) =>
        Assert.Equal(years, TermLaw.Initial(RightKind.Mining, scale, Day("2025-03-01"), On("2025-03-01")).MaxYears);

    [Fact]
    public void CN_TERM_a_term_of_exactly_the_cap_is_allowed_and_a_day_more_is_refused_naming_the_rule_in_both_languages()
    {
        Assert.Null(TermLaw.InitialRefusal(RightKind.Exploration, null, Day("2025-03-24"), Day("2028-03-24"), On("2025-03-24")));

        var refusal = TermLaw.InitialRefusal(RightKind.Exploration, null, Day("2025-03-24"), Day("2028-03-25"), On("2025-03-24"));

        Assert.NotNull(refusal);
        Assert.Equal(422, refusal.Status);
        Assert.Equal("CN-TERM", refusal.RuleId);
        Assert.True(refusal.Errors.ContainsKey("expiresOn"));
        Assert.Contains("2028-03-24", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("3 年", refusal.DetailZh, StringComparison.Ordinal);
    }

    [Fact]
    public void CN_TERM_three_years_from_a_leap_day_end_on_28_February()
    {
        Assert.Null(TermLaw.InitialRefusal(RightKind.Exploration, null, Day("2024-02-29"), Day("2027-02-28"), On("2024-02-29")));
        Assert.NotNull(TermLaw.InitialRefusal(RightKind.Exploration, null, Day("2024-02-29"), Day("2027-03-01"), On("2024-02-29")));
    }

    [Fact]
    public void CN_SCALE_a_small_mine_of_10_years_and_a_day_is_refused_under_CN_SCALE()
    {
        var refusal = TermLaw.InitialRefusal(RightKind.Mining, MineScale.Small, Day("2025-03-01"), Day("2035-03-02"), On("2025-03-01"));

        Assert.Equal("CN-SCALE", refusal!.RuleId);
        Assert.Contains("small mine", refusal.Message, StringComparison.Ordinal);
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
