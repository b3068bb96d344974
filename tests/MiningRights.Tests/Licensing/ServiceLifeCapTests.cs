using MiningRights.Renewals;
using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Tests.Policies;

namespace MiningRights.Tests.Licensing;

public sealed class ServiceLifeCapTests
{
    private static readonly ProvinceParameters Defaults = TestPolicies.Gansu2025;

    [Theory]
    [InlineData(MineScale.Large, 30)]
    [InlineData(MineScale.Medium, 20)]
    [InlineData(MineScale.Small, 10)]
    public void A_service_life_up_to_the_cap_of_its_scale_is_granted(MineScale scale, int years)
    {
        Assert.Equal(years, ServiceLifeCap.For(Defaults, scale));
        Assert.Null(Record.Exception(() => ServiceLifeCap.Check(Defaults, scale, years, "GS-9e")));
    }

    [Fact]
    public void A_medium_mine_of_21_years_is_refused_under_GS_9e_naming_the_cap_of_20()
    {
        var refusal = Assert.Throws<RefusalException>(() => ServiceLifeCap.Check(Defaults, MineScale.Medium, 21, "GS-9e"));

        Assert.Equal(422, refusal.Status);
        Assert.Equal("GS-9e", refusal.RuleId);
        Assert.Contains("capped at 20 years", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("21 years", refusal.Message, StringComparison.Ordinal);
        Assert.True(refusal.Errors.ContainsKey("serviceLifeYears"));
    }

    [Theory]
    [InlineData(MineScale.Large, 31, 30)]
    [InlineData(MineScale.Small, 11, 10)]
    public void A_service_life_beyond_the_cap_is_refused(MineScale scale, int years, int cap)
    {
        var refusal = Assert.Throws<RefusalException>(() => ServiceLifeCap.Check(Defaults, scale, years, "GS-9e"));

        Assert.Equal(422, refusal.Status);
        Assert.Equal("GS-9e", refusal.RuleId);
        Assert.Contains($"capped at {cap} years", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_that_raises_the_medium_cap_to_25_grants_21_years()
    {
        var book = TestPolicies.With(("Parameters:Provinces:620000:MediumMineMaxYears", "25"));
        var day = new DateOnly(2025, 6, 1);

        Assert.Null(Record.Exception(() => ServiceLifeCap.Check(book.Parameters("620000", day), MineScale.Medium, 21, "GS-9e")));
        Assert.Throws<RefusalException>(() => ServiceLifeCap.Check(book.Parameters("330000", day), MineScale.Medium, 21, "GS-9e"));
        var refusal = Assert.Throws<RefusalException>(() => ServiceLifeCap.Check(book.Parameters("620000", day), MineScale.Medium, 26, "GS-9e"));
        Assert.Contains("capped at 25 years", refusal.Message, StringComparison.Ordinal);
    }
}
