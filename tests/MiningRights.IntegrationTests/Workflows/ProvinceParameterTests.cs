using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Workflows;

/// <summary>A province's own parameters replace the defaults; they are not merged with them.</summary>
public sealed class ProvinceParameterTests
{
    [Fact]
    public async Task A_province_with_its_own_reminder_stages_45_and_10_gets_exactly_those_stages()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?>
        {
            ["Parameters:Provinces:620000:ReminderDaysBefore:0"] = "45",
            ["Parameters:Provinces:620000:ReminderDaysBefore:1"] = "10",
        });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);

        var deadline = await Api.ReadAsync(await holder.Client.GetAsync($"/api/deadlines/{Api.LifecycleDeadlines(right)[0]["id"]}"), HttpStatusCode.OK);
        Assert.Equal([45, 10], deadline["reminderDaysBefore"]!.AsArray().Select(d => d!.GetValue<int>()));
        Assert.Equal("reminder-45", deadline["nextStage"]!.GetValue<string>());
    }
}
