using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// An exploration right registered under a transfer contract gets its monitored duties (GS-10a): work started within six
/// months (CN-START), each contract year's minimum investment from the contract's clause or the national minimum per km²
/// (CN-INVEST), geological data (CN-GEODATA) and the dated results report; the holder reports, the authority accepts or
/// rejects with reasons, and only an accepted report closes a duty.
/// </summary>
public sealed class ContractDutyTests
{
    [Fact]
    public async Task A_contract_s_clauses_and_the_national_minimums_become_duties_the_holder_reports_and_the_authority_decides()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync("zh-CN");
        var (right, _) = await RegisterAsync(world, holder, withInvestmentClause: true);

        var duties = right["workflows"]!.AsArray().Select(w => w!.AsObject()).ToList();
        Assert.Single(duties, w => w["definitionId"]!.GetValue<string>() == "exploration-work-start");
        Assert.Equal(3, duties.Count(w => w["definitionId"]!.GetValue<string>() == "exploration-investment"));
        Assert.Single(duties, w => w["definitionId"]!.GetValue<string>() == "geological-data");
        Assert.Single(duties, w => w["definitionId"]!.GetValue<string>() == "results-report");

        // Their deadlines: work by 24 September 2025 (6 months), year 1's investment by 23 March 2026 at the contract's
        // 500,000 yuan, the geological data 30 days before expiry (2028-03-23 → 2028-02-22), the report on its clause's date.
        var deadlines = right["openDeadlines"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Contains(deadlines, d => d["ruleId"]!.GetValue<string>() == "CN-START" && d["dueOn"]!.GetValue<string>() == "2025-09-24");
        Assert.Contains(deadlines, d => d["ruleId"]!.GetValue<string>() == "CN-INVEST" && d["dueOn"]!.GetValue<string>() == "2026-03-23"
            && d["whatZh"]!.GetValue<string>().Contains("500,000.00 元", StringComparison.Ordinal));
        Assert.Contains(deadlines, d => d["ruleId"]!.GetValue<string>() == "CN-GEODATA" && d["dueOn"]!.GetValue<string>() == "2028-02-22");
        Assert.Contains(deadlines, d => d["ruleId"]!.GetValue<string>() == "GS-10a" && d["dueOn"]!.GetValue<string>() == "2027-12-31");

        // The holder reports the year's investment; the authority rejects it with reasons: the duty is to be done again.
        var year1 = duties.First(w => w["definitionId"]!.GetValue<string>() == "exploration-investment")["instanceId"]!.GetValue<string>();
        factory.Clock.Set(TestClock.Shanghai(2026, 2, 10, 10));
        await Signal(holder.Client, year1, "report", new Dictionary<string, object> { ["amountYuan"] = 620_000m, ["workDone"] = "1:1万地质填图12平方公里" }, HttpStatusCode.OK);
        Assert.Equal("reported", await StateAsync(world.Authority, year1));
        await Signal(world.Authority, year1, "reject", new Dictionary<string, object> { ["reasons"] = "缺少审计报告" }, HttpStatusCode.OK);
        Assert.Equal("returned", await StateAsync(world.Authority, year1));

        // A report without the amount the duty needs is refused and changes nothing; then a full one is accepted.
        await Signal(holder.Client, year1, "report", new Dictionary<string, object> { ["workDone"] = "只有文字" }, HttpStatusCode.BadRequest);
        Assert.Equal("returned", await StateAsync(world.Authority, year1));
        await Signal(holder.Client, year1, "report", new Dictionary<string, object> { ["amountYuan"] = 620_000m, ["workDone"] = "附审计报告" }, HttpStatusCode.OK);
        await Signal(world.Authority, year1, "accept", null, HttpStatusCode.OK);
        Assert.Equal("accepted", await StateAsync(world.Authority, year1));

        // The holder may not accept its own report, and another holder does not even see the duty.
        var workStart = duties.Single(w => w["definitionId"]!.GetValue<string>() == "exploration-work-start")["instanceId"]!.GetValue<string>();
        await Signal(holder.Client, workStart, "report", new Dictionary<string, object> { ["workStartedOn"] = "2025-06-01", ["workDone"] = "槽探开工" }, HttpStatusCode.OK);
        await Signal(holder.Client, workStart, "accept", null, HttpStatusCode.Forbidden);
        var other = await world.Api.HolderAsync();
        await Signal(other.Client, workStart, "accept", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_an_investment_clause_each_year_s_minimum_is_the_national_one_for_the_area()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var (right, area) = await RegisterAsync(world, holder, withInvestmentClause: false);

        // CN-INVEST: 2,000 yuan/km² in year 1, 5,000 in year 2, 10,000 from year 3 on.
        var minimums = right["openDeadlines"]!.AsArray().Select(d => d!.AsObject())
            .Where(d => d["ruleId"]!.GetValue<string>() == "CN-INVEST").OrderBy(d => d["dueOn"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(d => d["whatEn"]!.GetValue<string>()).ToList();
        Assert.Equal(3, minimums.Count);
        Assert.Contains(Yuan(2_000m * area), minimums[0], StringComparison.Ordinal);
        Assert.Contains(Yuan(5_000m * area), minimums[1], StringComparison.Ordinal);
        Assert.Contains(Yuan(10_000m * area), minimums[2], StringComparison.Ordinal);
    }

    private static string Yuan(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An exploration block listed, transacted, contracted, paid and registered on 24 March 2025 for three years (CN-TERM).</summary>
    private static async Task<(JsonObject Right, decimal AreaKm2)> RegisterAsync(ListingWorld world, TestHolder holder, bool withInvestmentClause)
    {
        var blockId = await world.PlannedBlockAsync(2025);
        var area = (await world.GetBlockAsync(blockId))["areaKm2"]!.GetValue<decimal>();
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await world.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var clauses = new List<object>
        {
            new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", textEn = "Submit the results report", dueOn = "2027-12-31" },
        };
        if (withInvestmentClause)
        {
            clauses.Add(new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于50万元", textEn = "At least 500,000 yuan a contract year", amountYuan = 500_000m });
        }

        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "KT-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses,
        }), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-23" }), HttpStatusCode.Created);
        return (right, area);
    }

    private static async Task Signal(HttpClient client, string instanceId, string signal, Dictionary<string, object>? values, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/instances/{instanceId}/signals/{signal}", new { values });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{signal}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }

    private static async Task<string> StateAsync(HttpClient client, string instanceId) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK))["state"]!.GetValue<string>();
}
