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
/// enclosing without exploring (圈而不探) after two contract years whose accepted reports show no work and no
/// investment, never on a year not reported, not decided or rejected (which ends the run). Each breach opens a case through the case workflow, naming the duty and its clause or rule.
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
    public async Task Investment_carries_forward_and_the_shortfall_is_counted_on_the_years_so_far()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1 (to 2026-03-23): 800,000 accepted, 300,000 more than the 500,000 minimum: no breach.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        await Report(holder.Client, years[0], new() { ["amountYuan"] = 800_000m, ["workDone"] = "物探" });
        await Decide(world.Authority, years[0], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(0, await EvaluateAsync(factory));

        // Year 2 (to 2027-03-23): 100,000 accepted; with the excess carried forward 900,000 of 1,000,000: short by
        // 100,000, not by 400,000, and with accepted work no 圈而不探.
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 100_000m, ["workDone"] = "钻探一孔" });
        await Decide(world.Authority, years[1], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var shortfall = Assert.Single(await CasesAsync(inspector))["titleZh"]!.GetValue<string>();
        Assert.Contains("差额100,000.00", shortfall, StringComparison.Ordinal);
        Assert.DoesNotContain("圈而不探", shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GS_10b_two_accepted_empty_years_are_enclosing_without_exploring()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1: the report, accepted, shows no work and no investment: a shortfall, one empty year only.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        await Report(holder.Client, years[0], new() { ["amountYuan"] = 0m });
        await Decide(world.Authority, years[0], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.DoesNotContain("圈而不探", Assert.Single(await CasesAsync(inspector))["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // Year 2 the same, accepted: two consecutive accepted empty years, 圈而不探 (the first keeps its accepted report
        // though it was found short since).
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 0m });
        await Decide(world.Authority, years[1], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var cases = await CasesAsync(inspector);
        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => c["titleZh"]!.GetValue<string>().Contains("圈而不探：连续2个合同年度", StringComparison.Ordinal)
            && c["ruleId"]!.GetValue<string>() == "GS-10b");
    }

    [Fact]
    public async Task GS_10b_two_years_unreported_and_overdue_are_not_enclosing_without_exploring()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (_, inspector, _, _) = await WorkStartedAsync(factory);

        // Nothing reported for two contract years: each is overdue and a shortfall on nothing accepted, a breach of the
        // duty to report; without an accepted report there is no proof that nothing was done, so no 圈而不探.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var titles = (await CasesAsync(inspector)).Select(c => c["titleZh"]!.GetValue<string>()).ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.DoesNotContain("圈而不探", t, StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("第2合同年度", StringComparison.Ordinal) && t.Contains("差额1,000,000.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GS_10b_a_rejected_report_ends_a_run_of_accepted_empty_years()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1 accepted empty; year 2's report (nothing done) rejected and not reported again by its date: the
        // rejected year is no empty year, so there is no run of two.
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        await Report(holder.Client, years[0], new() { ["amountYuan"] = 0m });
        await Decide(world.Authority, years[0], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 0m });
        await Decide(world.Authority, years[1], "reject", new() { ["reasons"] = "未附审计报告" });
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var titles = (await CasesAsync(inspector)).Select(c => c["titleZh"]!.GetValue<string>()).ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.DoesNotContain("圈而不探", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_empty_year_is_not_enclosing_without_exploring_and_accepted_work_after_it_ends_the_run()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (world, inspector, holder, years) = await WorkStartedAsync(factory);

        // Year 1 accepted empty: a shortfall, not 圈而不探 (one year only).
        factory.Clock.Set(TestClock.Shanghai(2026, 3, 1, 10));
        await Report(holder.Client, years[0], new() { ["amountYuan"] = 0m });
        await Decide(world.Authority, years[0], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        Assert.DoesNotContain("圈而不探", Assert.Single(await CasesAsync(inspector))["titleZh"]!.GetValue<string>(), StringComparison.Ordinal);

        // Year 2 accepted with work (still short of the cumulative minimum): a shortfall, and the run is over.
        factory.Clock.Set(TestClock.Shanghai(2027, 3, 1, 10));
        await Report(holder.Client, years[1], new() { ["amountYuan"] = 100_000m, ["workDone"] = "钻探" });
        await Decide(world.Authority, years[1], "accept");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 24, 2));
        await EvaluateAsync(factory);
        var titles = (await CasesAsync(inspector)).Select(c => c["titleZh"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(titles, t => t.Contains("圈而不探", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Contains("第2合同年度", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("620923", "GS-10b")]
    [InlineData("330127", "CN-INVEST")]
    public async Task The_same_investment_breach_cites_GS_10b_and_CN_INVEST_in_Gansu_and_no_Gansu_rule_in_Zhejiang(string county, string caseRule)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var (_, inspector, holder, years) = await WorkStartedAsync(factory, county, "zh-CN");

        // Contract year 1 passes with nothing reported: a shortfall, on a right of either province.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 3, 24, 2));
        Assert.Equal(1, await EvaluateAsync(factory));
        var breach = Assert.Single(await CasesAsync(inspector));
        Assert.Equal(caseRule, breach["ruleId"]!.GetValue<string>());

        // The case's own journal and the duty's breach entry store their citations; the holder's email states them.
        var duty = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{years[0]}"), HttpStatusCode.OK);
        var entry = duty["journal"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["trigger"]!.GetValue<string>() == "signal:breach");
        var caseDetail = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{breach["id"]}"), HttpStatusCode.OK);
        await factory.DeliverAsync();
        var mail = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("【违约】", StringComparison.Ordinal) && m.Text!.Contains("勘查投入不足", StringComparison.Ordinal));
        var cited = new[] { entry["citation"]!.GetValue<string>(), breach["citation"]!.GetValue<string>(), caseDetail.ToJsonString(), mail.Text! };
        if (county.StartsWith("62", StringComparison.Ordinal))
        {
            Assert.All(cited, text => Assert.Contains("GS-10b", text, StringComparison.Ordinal));
            Assert.All(cited, text => Assert.Contains("CN-INVEST", text, StringComparison.Ordinal));
            Assert.Contains("GS-10d", caseDetail.ToJsonString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.All(cited, text => Assert.DoesNotContain("GS-", text, StringComparison.Ordinal));
            Assert.All(cited, text => Assert.DoesNotContain("甘肃", text, StringComparison.Ordinal));
            Assert.All(cited, text => Assert.Contains("CN-INVEST", text, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A right registered under a contract whose work start is reported and accepted, so only the investment rules are at
    /// stake: no further work is recorded, so six months on (21 November 2025) the stoppage is a breach of its own
    /// (CN-START), evaluated here and left out of <see cref="CasesAsync"/>.
    /// </summary>
    private static async Task<(ListingWorld World, HttpClient Inspector, TestHolder Holder, List<string> Years)> WorkStartedAsync(ServiceFactory factory, string county = "620923", string language = "en")
    {
        var province = county[..2] + "0000";
        var world = await ListingWorld.StartAsync(factory, province);
        var inspector = await world.Api.AccountAsync("Inspector", province);
        var holder = await world.Api.HolderAsync(language);
        var right = await RegisterAsync(world, holder, county);
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

    /// <summary>An exploration right registered on 24 March 2025 for three years (CN-TERM) under a contract fixing 500,000 yuan a year.</summary>
    private static async Task<JsonObject> RegisterAsync(ListingWorld world, TestHolder holder, string county = "620923")
    {
        var blockId = await world.PlannedBlockAsync(2025, county);
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
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-23" }), HttpStatusCode.Created);
    }
}
