using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// After exploration work starts, work stopped for six months without approval is a breach (CN-START): the evidence is
/// the holder's records of work the authority accepted, each of which makes the next one due six months after the work
/// it records; an accepted stoppage (a relief claim) moves that date. A record that names the end of an exploration
/// work stage makes the stage's geological data due 180 days after it (CN-GEODATA).
/// </summary>
public sealed class WorkStoppageTests
{
    [Fact]
    public async Task CN_START_six_months_without_accepted_work_after_the_last_accepted_record_is_a_breach_with_a_case()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23");

        // Work starts on 20 May 2025 and the authority accepts it: the next record of work is due six months on.
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 1, 10));
        var work = await StartWorkAsync(world, holder, right, "2025-05-20");
        Assert.Equal("2025-11-20", work["dueOn"]!.GetValue<string>());
        Assert.Equal("CN-START", work["ruleId"]!.GetValue<string>());

        // Work recorded on 30 October, accepted: the next record is due on 30 April 2026.
        factory.Clock.Set(TestClock.Shanghai(2025, 11, 1, 10));
        await Send(holder.Client, work, "report", new() { ["workedOn"] = "2025-10-30", ["workDone"] = "钻探ZK01终孔" });
        await Send(world.Authority, work, "accept", []);
        var next = await WorkDutyAsync(holder.Client, right);
        Assert.NotEqual(work["instanceId"]!.GetValue<string>(), next["instanceId"]!.GetValue<string>());
        Assert.Equal("2026-04-30", next["dueOn"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 11, 22, 2));
        await EvaluateAsync(factory);
        Assert.Empty(await StoppageCasesAsync(inspector));

        // Six months after the last accepted work with no record since: a breach on 1 May 2026, and a case citing CN-START.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 4, 30, 23));
        await EvaluateAsync(factory);
        Assert.Empty(await StoppageCasesAsync(inspector));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 5, 1, 2));
        await EvaluateAsync(factory);
        var breach = Assert.Single(await StoppageCasesAsync(inspector));
        Assert.Equal(right["id"]!.GetValue<string>(), breach["rightId"]!.GetValue<string>());
        Assert.Contains("2026-04-30", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("breached", (await WorkDutyAsync(holder.Client, right))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task CN_START_an_approved_stoppage_moves_the_next_record_of_work_and_no_breach_arises()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23");
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 1, 10));
        var work = await StartWorkAsync(world, holder, right, "2025-05-20");
        Assert.Equal("2025-11-20", work["dueOn"]!.GetValue<string>());

        // Work stops from 1 September; the authority accepts the stoppage for 90 days: 20 November 2025 + 90 days.
        factory.Clock.Set(TestClock.Shanghai(2025, 10, 1, 10));
        var claim = await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/rights/{right["id"]}/relief-claims", new
        {
            ground = "forceMajeure",
            duties = new[] { work["instanceId"]!.GetValue<string>() },
            periodFrom = "2025-09-01",
            periodTo = "2025-11-29",
            reason = "山体滑坡，进场道路中断，经批准停工",
            evidence = "县自然资源局停工批复（2025年第3号）",
        }), HttpStatusCode.Created);
        await Send(world.Authority, claim, "accept", new() { ["acceptedUntil"] = "2025-11-29" });
        Assert.Equal("2026-02-18", (await WorkDutyAsync(holder.Client, right))["dueOn"]!.GetValue<string>());

        // Six months after the last work, and beyond: no stoppage breach while the approved period lasts.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 11, 22, 2));
        await EvaluateAsync(factory);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 2, 18, 23));
        await EvaluateAsync(factory);
        Assert.Empty(await StoppageCasesAsync(inspector));
        Assert.Equal("open", (await WorkDutyAsync(holder.Client, right))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task CN_GEODATA_a_recorded_end_of_an_exploration_work_stage_makes_its_geological_data_due_180_days_later()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23");
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 1, 10));
        var work = await StartWorkAsync(world, holder, right, "2025-05-20");
        var before = await GeologicalDataAsync(holder.Client, right);
        Assert.Equal(["2028-02-22"], before.Select(d => d["dueOn"]!.GetValue<string>()));

        // The holder records work with the end of the general-survey stage on 15 October; the authority accepts it.
        factory.Clock.Set(TestClock.Shanghai(2025, 11, 1, 10));
        await Send(holder.Client, work, "report", new() { ["workedOn"] = "2025-10-30", ["workDone"] = "普查阶段野外工作结束", ["stageEndedOn"] = "2025-10-15" });
        Assert.Single(await GeologicalDataAsync(holder.Client, right));
        await Send(world.Authority, work, "accept", []);

        // 15 October 2025 + 180 days = 13 April 2026, besides the data due before expiry.
        var data = await GeologicalDataAsync(holder.Client, right);
        Assert.Equal(["2026-04-13", "2028-02-22"], data.Select(d => d["dueOn"]!.GetValue<string>()));
        Assert.Equal("CN-GEODATA", data[0]["ruleId"]!.GetValue<string>());
        Assert.Contains("阶段", data[0]["obligationZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // The authority may record a stage end itself when it accepts the next record.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        var next = await WorkDutyAsync(holder.Client, right);
        await Send(holder.Client, next, "report", new() { ["workedOn"] = "2026-02-27", ["workDone"] = "详查钻探" });
        await Send(world.Authority, next, "accept", new() { ["stageEndedOn"] = "2026-02-28" });
        Assert.Equal(["2026-04-13", "2026-08-27", "2028-02-22"], (await GeologicalDataAsync(holder.Client, right)).Select(d => d["dueOn"]!.GetValue<string>()));
    }

    /// <summary>Reports the work start of <paramref name="right"/> and has the authority accept it; returns the first work-record duty.</summary>
    private static async Task<JsonObject> StartWorkAsync(ListingWorld world, TestHolder holder, JsonObject right, string startedOn)
    {
        var start = (await ObligationsAsync(holder.Client, right)).Single(o => o["workflow"]!.GetValue<string>() == ContractDuties.WorkStartWorkflow);
        await Send(holder.Client, start, "report", new() { ["workStartedOn"] = startedOn, ["workDone"] = "槽探开工" });
        await Send(world.Authority, start, "accept", []);
        return await WorkDutyAsync(holder.Client, right);
    }

    private static async Task<JsonObject> WorkDutyAsync(HttpClient client, JsonObject right) =>
        (await ObligationsAsync(client, right)).Single(o => o["workflow"]!.GetValue<string>() == ContractDuties.WorkContinuityWorkflow);

    private static async Task<List<JsonObject>> GeologicalDataAsync(HttpClient client, JsonObject right) =>
        (await ObligationsAsync(client, right)).Where(o => o["workflow"]!.GetValue<string>() == ContractDuties.GeologicalDataWorkflow).ToList();

    private static async Task<List<JsonObject>> ObligationsAsync(HttpClient client, JsonObject right) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={right["id"]}&pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(o => o!.AsObject()).ToList();

    private static async Task Send(HttpClient client, JsonObject instance, string signal, Dictionary<string, object> values)
    {
        var id = instance["instanceId"]?.GetValue<string>() ?? instance["id"]!.GetValue<string>();
        var response = await client.PostAsJsonAsync($"/api/workflows/instances/{id}/signals/{signal}", new { values });
        Assert.True(response.StatusCode == HttpStatusCode.OK, signal + ": " + await response.Content.ReadAsStringAsync());
    }

    private static Task<int> EvaluateAsync(ServiceFactory factory) =>
        factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None);

    private static async Task<List<JsonObject>> StoppageCasesAsync(HttpClient inspector) =>
        (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200&ruleId=CN-START"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(c => c!.AsObject()).Where(c => c["ruleId"]!.GetValue<string>() == "CN-START").ToList();
}
