using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

public sealed class ParameterOptionsTests
{
    [Fact]
    public void Defaults_are_the_values_of_the_policy_brief()
    {
        var defaults = new ParameterOptions().Defaults;

        Assert.Equal([60, 30, 7, 1], defaults.ReminderDaysBefore);
        Assert.Equal(15, defaults.CaseGraceDays);
        Assert.Equal(30, defaults.ResubmissionWindowDays);
        Assert.Equal(30, defaults.LargeMineMaxYears);
        Assert.Equal(20, defaults.MediumMineMaxYears);
        Assert.Equal(10, defaults.SmallMineMaxYears);
        Assert.Empty(defaults.Validate());
    }

    [Fact]
    public void A_province_with_an_override_gets_its_own_parameters()
    {
        var gansu = new ProvinceParameters { CaseGraceDays = 20 };
        var options = new ParameterOptions { Provinces = { ["620000"] = gansu } };

        var parameters = options.For("620000");

        Assert.Same(gansu, parameters);
        Assert.Equal(20, parameters.CaseGraceDays);
    }

    [Fact]
    public void A_province_without_an_override_gets_the_defaults()
    {
        var options = new ParameterOptions { Provinces = { ["620000"] = new ProvinceParameters { CaseGraceDays = 20 } } };

        var parameters = options.For("330000");

        Assert.Same(options.Defaults, parameters);
        Assert.Equal(15, parameters.CaseGraceDays);
    }

    [Fact]
    public void Out_of_range_parameters_are_reported()
    {
        var parameters = new ProvinceParameters { ReminderDaysBefore = [0], ResubmissionWindowDays = 0, SmallMineMaxYears = 0, ReminderHour = 24 };

        Assert.Equal(4, parameters.Validate().Count());
    }
}
