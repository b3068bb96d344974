using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// The daily evaluation of contract performance (GS-10b) on accepted reports: a breach on the first day it is one and
/// not a day earlier, once however often and on however many nodes it runs; investment with its excess carried forward;
/// enclosing without exploring (圈而不探) after two empty contract years, reset by an accepted report and not by a
/// rejected one. Each breach opens a case through the case workflow, naming the duty and its clause or rule.
/// </summary>
public sealed class BreachTests
{
    private const decimal Minimum = 500_000m;

    [Fact]
    public async Task Work_not_started_within_six_months_is_a_breach_the_day_after_and_only_once_on_two_nodes()
    {
        using var first = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(first, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        await RegisterAsync(world, holder);

        // Due 24 September 2025 (six months from 24 March): nothing on the day.
        await first.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 24, 23, 0));
        Assert.Equal(0, await EvaluateAsync(first));
        Assert.Empty(await CasesAsync(inspector));

        // The next day it is a breach, once, even with a second node evaluating at the same moment.
        using var second = new ServiceFactory(TestClock.Shanghai(2025, 9, 25, 1, 30), first.DataDirectory);
        await first.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 25, 1, 30));
        var sent = await Task.WhenAll(EvaluateAsync(first), EvaluateAsync(second));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await EvaluateAsync(first));

        var cases = await CasesAsync(inspector);
        var breach = Assert.Single(cases);
        Assert.Equal("GS-10b", breach["ruleId"]!.GetValue<string>());
        Assert.Contains("CN-START", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("开始勘查施工", breach["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // The holder is told once, in its language, with what the breach is.
        await first.DeliverAsync();
        var told = (await MailDev.ForAsync(holder.Email)).Where(m => m.Subject.StartsWith("【违约】", StringComparison.Ordinal)).ToList();
        Assert.Single(told);
        Assert.Contains("截止2025-09-24未履行", told[0].Text!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investment_carries_forward_and_two_empty_years_are_enclosing_without_exploring()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1 (to 2026-03-23): 800,000 accepted, 300,000 more than the 500,000 minimum.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        await Report(holder.Client, years[0], new() { ["amountYuan"] = 800_000m, ["workDone"] = "物探" });
        await Decide(world.Authority, years[0], "accept");

        // Year 2 (to 2027-03-23): 300,000 reported, accepted; with the excess carried forward, 1,100,000 ≥ 1,000,000.
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 300_000m, ["workDone"] = "钻探一孔" });
        await Decide(world.Authority, years[1], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        Assert.Equal(0, await EvaluateAsync(factory));

        // Year 3 passes with nothing accepted: a shortfall of 400,000 (1,500,000 due, 1,100,000 accepted), not yet 圈而不探.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2028, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var shortfall = Assert.Single(await CasesAsync(inspector));
        Assert.Contains("400,000.00", shortfall["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("圈而不探", shortfall["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // Year 4: a report claiming work is rejected, which resets nothing: two empty years in a row, 圈而不探.
        factory.Clock.Set(TestClock.Shanghai(2029, 3, 1, 10));
        await Report(holder.Client, years[3], new() { ["amountYuan"] = 50_000m, ["workDone"] = "资料整理" });
        await Decide(world.Authority, years[3], "reject", new() { ["reasons"] = "无实物工作量" });
        await factory.RunJobsAtAsync(TestClock.Shanghai(2029, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var cases = await CasesAsync(inspector);
        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => c["titleZh"]!.GetValue<string>().Contains("圈而不探：连续2个合同年度", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_empty_year_is_not_enclosing_without_exploring_and_an_accepted_report_in_between_resets_the_count()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1 empty: a shortfall, not 圈而不探 (one year only).
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.DoesNotContain("圈而不探", Assert.Single(await CasesAsync(inspector))["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // Year 2 accepted with work (still short of the cumulative minimum), year 3 empty: the count starts again.
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 100_000m, ["workDone"] = "钻探" });
        await Decide(world.Authority, years[1], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2028, 3, 24, 2));
        await EvaluateAsync(factory);
        var titles = (await CasesAsync(inspector)).Select(c => c["titleZh"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(titles, t => t.Contains("圈而不探", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("第3合同年度", StringComparison.Ordinal));
    }

    /// <summary>
    /// A right registered under a contract whose work start is reported and accepted, so only the investment rules are at
    /// stake: no further work is recorded, so six months on (21 November 2025) the stoppage is a breach of its own
    /// (CN-START), evaluated here and left out of <see cref="CasesAsync"/>.
    /// </summary>
    private static async Task<(ListingWorld World, HttpClient Inspector, TestHolder Holder, List<string> Years)> WorkStartedAsync(ServiceFactory factory)
    {
        var world = await ListingWorld.StartAsync(factory, "620000");
        var inspector = await world.Api.AccountAsync("Inspector", "620000");
        var holder = await world.Api.HolderAsync();
        var right = await RegisterAsync(world, holder);
        var workStart = Duties(right, "exploration-work-start")[0];
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 1, 10));
        await Report(holder.Client, workStart, new() { ["workStartedOn"] = "2025-05-20", ["workDone"] = "槽探" });
        await Decide(world.Authority, workStart, "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 11, 21, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var stoppage = await Api.ReadAsync(await inspector.GetAsync("/api/cases?ruleId=CN-START"), HttpStatusCode.OK);
        Assert.Single(stoppage["items"]!.AsArray());
        return (world, inspector, holder, Duties(right, "exploration-investment"));
    }

    private static Task<int> EvaluateAsync(ServiceFactory factory) =>
        factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None);

    /// <summary>The cases of the duties under test (a work stoppage's, CN-START, aside).</summary>
    private static async Task<List<JsonObject>> CasesAsync(HttpClient inspector) =>
        (await Api.ReadAsync(await inspector.GetAsync("/api/cases?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(c => c!.AsObject())
            .Where(c => c["ruleId"]!.GetValue<string>() != "CN-START").ToList();

    /// <summary>The right's duties of one workflow, in the order of their due dates (contract year 1 first).</summary>
    private static List<string> Duties(JsonObject right, string workflow)
    {
        var ids = right["workflows"]!.AsArray().Select(w => w!.AsObject()).Where(w => w["definitionId"]!.GetValue<string>() == workflow)
            .Select(w => w["instanceId"]!.GetValue<string>()).ToHashSet();
        return right["openDeadlines"]!.AsArray().Select(d => d!.AsObject()).Where(d => ids.Contains(d["instanceId"]!.GetValue<string>()))
            .OrderBy(d => d["dueOn"]!.GetValue<string>(), StringComparer.Ordinal).Select(d => d["instanceId"]!.GetValue<string>()).ToList();
    }

    private static async Task Report(HttpClient holder, string instanceId, Dictionary<string, object> values)
    {
        var response = await holder.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/report", new { values });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task Decide(HttpClient authority, string instanceId, string signal, Dictionary<string, object>? values = null)
    {
        var response = await authority.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/{signal}", new { values });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An exploration right registered on 24 March 2025 for five years under a contract fixing 500,000 yuan a year.</summary>
    private static async Task<JsonObject> RegisterAsync(ListingWorld world, TestHolder holder)
    {
        var blockId = await world.PlannedBlockAsync(2025);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await world.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "BR-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses = new object[] { new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于50万元", textEn = "At least 500,000 yuan a year", amountYuan = Minimum } },
        }), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        return await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2030-03-23" }), HttpStatusCode.Created);
    }
}
