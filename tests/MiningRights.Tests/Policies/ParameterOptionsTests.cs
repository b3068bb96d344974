using Microsoft.Extensions.Configuration;
using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

public sealed class ParameterOptionsTests
{
    [Fact]
    public void Defaults_are_the_values_of_the_policy_brief()
    {
        var defaults = new ParameterOptions().For("620000");

        Assert.Equal([60, 30, 7, 1], defaults.ReminderDaysBefore);
        Assert.Equal(15, defaults.CaseGraceDays);
        Assert.Equal(30, defaults.ResubmissionWindowDays);
        Assert.Equal(30, defaults.LargeMineMaxYears);
        Assert.Equal(20, defaults.MediumMineMaxYears);
        Assert.Equal(10, defaults.SmallMineMaxYears);
        Assert.Empty(defaults.Validate());
    }

    [Fact]
    public void A_province_with_its_own_value_gets_it_and_the_defaults_for_the_rest()
    {
        var options = new ParameterOptions
        {
            Defaults = new ParameterSet { ResubmissionWindowDays = 45 },
            Provinces = { ["620000"] = new ParameterSet { CaseGraceDays = 20 } },
        };

        var parameters = options.For("620000");

        Assert.Equal(20, parameters.CaseGraceDays);
        Assert.Equal(45, parameters.ResubmissionWindowDays);
        Assert.Equal(15, options.For("330000").CaseGraceDays);
    }

    [Fact]
    public void A_province_reminder_list_replaces_the_default_list_instead_of_merging_with_it()
    {
        var options = new ParameterOptions
        {
            Defaults = new ParameterSet { ReminderDaysBefore = [60, 30, 7, 1] },
            Provinces = { ["620000"] = new ParameterSet { ReminderDaysBefore = [45, 10] } },
        };

        Assert.Equal([45, 10], options.For("620000").ReminderDaysBefore);
        Assert.Equal([60, 30, 7, 1], options.For("330000").ReminderDaysBefore);
    }

    [Fact]
    public void Reminders_bound_from_configuration_are_exactly_those_configured_never_doubled_or_merged()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parameters:Defaults:ReminderDaysBefore:0"] = "60",
                ["Parameters:Defaults:ReminderDaysBefore:1"] = "30",
                ["Parameters:Defaults:ReminderDaysBefore:2"] = "7",
                ["Parameters:Defaults:ReminderDaysBefore:3"] = "1",
                ["Parameters:Provinces:620000:ReminderDaysBefore:0"] = "45",
                ["Parameters:Provinces:620000:ReminderDaysBefore:1"] = "10",
            })
            .Build();
        var options = new ParameterOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(ParameterOptions.Section), options);

        Assert.Equal([45, 10], options.For("620000").ReminderDaysBefore);
        Assert.Equal([60, 30, 7, 1], options.For("330000").ReminderDaysBefore);
    }

    [Fact]
    public void Out_of_range_parameters_are_reported()
    {
        var options = new ParameterOptions { Defaults = new ParameterSet { ReminderDaysBefore = [0], ResubmissionWindowDays = 0, SmallMineMaxYears = 0, ReminderHour = 24 } };

        Assert.Equal(4, options.Validate().Count());
    }
}
