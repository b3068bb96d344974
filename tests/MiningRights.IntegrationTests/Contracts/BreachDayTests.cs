using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// The day a breach falls on, for the duties BreachTests and BreachLadderTests leave out: geological data not in by its
/// date (CN-GEODATA: the contract's date, else 30 days before an exploration licence expires, 90 days before a mining
/// licence does) and a mining right's milestones from its contract (construction, green mine, deep processing). Each is
/// nothing at the end of its due day in Asia/Shanghai, one case the next day with the case's rule and the duty's clause
/// (or CN-GEODATA) in its title, and nothing new when the evaluation runs again.
/// </summary>
public sealed class BreachDayTests
{
    [Theory]
    [InlineData("2025-06-30", "2025-06-30", "第十五条")]
    [InlineData(null, "2028-02-22", "CN-GEODATA")]
    public async Task Geological_data_of_an_exploration_right_is_a_breach_the_day_after_the_contract_s_date_or_else_after_30_days_before_expiry(
        string? clauseDueOn, string dueOn, string clause)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var clauses = clauseDueOn is null
            ? []
            : new object[] { new { number = clause, kind = "geologicalData", textZh = "2025年6月30日前汇交地质资料", textEn = "Submit the geological data by 30 June 2025", dueOn = clauseDueOn } };
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23", clauses);

        // One geological-data duty: the contract's date, or 30 days before the licence expires on 23 March 2028.
        var duty = await ObligationAsync(holder.Client, right, clause);
        Assert.Equal("geological-data", duty["workflow"]!.GetValue<string>());
        Assert.Equal(dueOn, duty["dueOn"]!.GetValue<string>());
        Assert.Single(await ObligationsAsync(holder.Client, right), o => o["workflow"]!.GetValue<string>() == "geological-data");

        // During the due day the right's other duties due by then (work start, contract years) may be breaches, the data
        // is not: with the contract's date, nothing is due before it and there is no case at all.
        var due = DateOnly.ParseExact(dueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await factory.RunJobsAtAsync(TestClock.Shanghai(due.Year, due.Month, due.Day, 10));
        var others = await EvaluateAsync(factory);
        var cases = await CasesAsync(inspector);
        Assert.Equal(others, cases.Count);
        Assert.DoesNotContain(cases, c => c["instanceId"]!.GetValue<string>() == duty["instanceId"]!.GetValue<string>()
            || c["titleZh"]!.GetValue<string>().Contains("汇交地质资料", StringComparison.Ordinal));
        if (clauseDueOn is not null)
        {
            Assert.Empty(cases);
        }

        // Nothing at the end of the day; the next day the GS-10b breach, naming the clause or CN-GEODATA; once.
        var breach = await BreachedTheDayAfterAsync(factory, inspector, due, duty);
        Assert.Equal("GS-10b", breach["ruleId"]!.GetValue<string>());
        Assert.Contains($"违约：汇交地质资料：截止{dueOn}未履行（{clause}）", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"({clause})", breach["titleEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(right["id"]!.GetValue<string>(), breach["rightId"]!.GetValue<string>());
        Assert.Equal(dueOn, breach["dueOn"]!.GetValue<string>());
        Assert.Equal("breached", (await ObligationAsync(holder.Client, right, clause))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_milestone_of_a_mining_contract_and_its_geological_data_90_days_before_expiry_is_a_breach_the_day_after_its_date_not_on_it()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "mining", "2032-03-23",
            new { number = "第十二条", kind = "construction", textZh = "2026年6月30日前开工建设", textEn = "Start building the mine by 30 June 2026", dueOn = "2026-06-30" },
            new { number = "第十三条", kind = "greenMine", textZh = "2027年底前建成绿色矿山", textEn = "Complete the green mine by the end of 2027", dueOn = "2027-12-31" },
            new { number = "第十四条", kind = "deepProcessing", textZh = "就地精深加工率不低于60%", textEn = "At least 60% of the ore processed in the province", dueOn = "2028-12-31" });

        // The milestones carry their own rule (green mine GS-11); their breach opens the mine-milestone workflow's case,
        // which is GS-10c for all three. The data is due 90 days before 23 March 2032 (across 29 February): 24 December 2031;
        // GS-10b is an exploration holder's breach, so a mining right's late data is a case under CN-GEODATA alone.
        var duties = new (string Clause, string Workflow, string DutyRule, DateOnly Due, string CaseRule, string Obligation)[]
        {
            ("第十二条", "mine-milestone", "GS-10c", new DateOnly(2026, 6, 30), "GS-10c", "2026年6月30日前开工建设（合同第十二条）"),
            ("第十三条", "mine-milestone", "GS-11", new DateOnly(2027, 12, 31), "GS-10c", "2027年底前建成绿色矿山（合同第十三条）"),
            ("第十四条", "mine-milestone", "GS-10c", new DateOnly(2028, 12, 31), "GS-10c", "就地精深加工率不低于60%（合同第十四条）"),
            ("CN-GEODATA", "geological-data", "CN-GEODATA", new DateOnly(2031, 12, 24), "CN-GEODATA", "汇交地质资料"),
        };
        Assert.Equal(4, (await ObligationsAsync(holder.Client, right)).Count);
        Assert.Empty(await CasesAsync(inspector));

        foreach (var (clause, workflow, dutyRule, due, caseRule, obligation) in duties)
        {
            var duty = await ObligationAsync(holder.Client, right, clause);
            Assert.Equal(workflow, duty["workflow"]!.GetValue<string>());
            Assert.Equal(dutyRule, duty["ruleId"]!.GetValue<string>());
            Assert.Equal(ListingWorld.Date(due), duty["dueOn"]!.GetValue<string>());

            var breach = await BreachedTheDayAfterAsync(factory, inspector, due, duty);
            Assert.True(breach["ruleId"]!.GetValue<string>() == caseRule, $"{clause}: case under {breach["ruleId"]}, expected {caseRule}");
            Assert.Contains($"违约：{obligation}：截止{ListingWorld.Date(due)}未履行（{clause}）", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains($"({clause})", breach["titleEn"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(ListingWorld.Date(due), breach["dueOn"]!.GetValue<string>());
            Assert.Equal("breached", (await ObligationAsync(holder.Client, right, clause))["state"]!.GetValue<string>());
        }

        // Every duty breached once, each with its own case, and nothing else.
        var cases = await CasesAsync(inspector);
        Assert.Equal(duties.Length, cases.Count);
        Assert.Equal(duties.Length, cases.Select(c => c["instanceId"]!.GetValue<string>()).Distinct().Count());
    }

    /// <summary>
    /// Evaluates at the end of <paramref name="due"/> in Asia/Shanghai (nothing new), then early the next day (one breach,
    /// one new case, of <paramref name="duty"/>), then again (nothing new); answers that case.
    /// </summary>
    private static async Task<JsonObject> BreachedTheDayAfterAsync(ServiceFactory factory, HttpClient inspector, DateOnly due, JsonObject duty)
    {
        var before = (await CasesAsync(inspector)).Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        await factory.RunJobsAtAsync(TestClock.Shanghai(due.Year, due.Month, due.Day, 23, 59));
        Assert.Equal(0, await EvaluateAsync(factory));
        Assert.Equal(before.Count, (await CasesAsync(inspector)).Count);

        var next = due.AddDays(1);
        await factory.RunJobsAtAsync(TestClock.Shanghai(next.Year, next.Month, next.Day, 1, 30));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.Equal(0, await EvaluateAsync(factory));

        var opened = Assert.Single(await CasesAsync(inspector), c => !before.Contains(c["id"]!.GetValue<string>()));
        Assert.Equal(duty["instanceId"]!.GetValue<string>(), opened["instanceId"]!.GetValue<string>());
        return opened;
    }

    private static Task<int> EvaluateAsync(ServiceFactory factory) =>
        factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None);

    private static async Task<List<JsonObject>> CasesAsync(HttpClient inspector) =>
        (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(c => c!.AsObject()).ToList();

    private static async Task<List<JsonObject>> ObligationsAsync(HttpClient client, JsonObject right) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={right["id"]}&pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(o => o!.AsObject()).ToList();

    /// <summary>The duty of the right whose clause (or, without one, rule) is <paramref name="clause"/>, as the holder's obligations list shows it.</summary>
    private static async Task<JsonObject> ObligationAsync(HttpClient client, JsonObject right, string clause) =>
        Assert.Single(await ObligationsAsync(client, right), o => o["clause"]!.GetValue<string>() == clause);
}
