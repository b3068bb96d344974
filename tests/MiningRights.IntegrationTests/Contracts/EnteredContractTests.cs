using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// A right registered before the service kept contracts gets its obligations when the authority enters its contract
/// (GS-10a): the duties the clauses and national minimums give, from the day of entry; those already due before it are
/// named as not started, not turned into instant breaches. Only the registration authority or above enters it, once.
/// </summary>
public sealed class EnteredContractTests
{
    [Fact]
    public async Task The_authority_enters_the_contract_of_an_older_right_and_its_duties_start_from_that_day()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var holder = await api.HolderAsync("zh-CN");
        // Registered on 10 January 2024 for three years (CN-TERM), before contracts were kept (and before GS-9d's deferral).
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 1, 10), deferral: null)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();
        Assert.Empty(await ObligationsAsync(holder.Client, rightId));

        // Bad input and the wrong officers write nothing.
        var noText = Contract("ET-1", clauses: [new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", dueOn = "2028-10-31" }]);
        Assert.NotNull((await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/contract", noText), HttpStatusCode.BadRequest))["errors"]?["clauses[0].textZh"]);
        var late = Contract("ET-1", signedOn: "2024-02-01");
        Assert.NotNull((await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/contract", late), HttpStatusCode.BadRequest))["errors"]?["signedOn"]);
        var county = await api.AuthorityAsync("620923");
        await ProblemAssert.ReadAsync(await county.PostAsJsonAsync($"/api/rights/{rightId}/contract", Contract("ET-1")), HttpStatusCode.Forbidden);
        var zhejiang = await api.AuthorityAsync("330000");
        await ProblemAssert.ReadAsync(await zhejiang.PostAsJsonAsync($"/api/rights/{rightId}/contract", Contract("ET-1")), HttpStatusCode.NotFound);
        await ProblemAssert.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/rights/{rightId}/contract", Contract("ET-1")), HttpStatusCode.Forbidden);
        Assert.Empty(await ObligationsAsync(holder.Client, rightId));

        var entered = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/contract", Contract("ET-1")), HttpStatusCode.Created);
        var contract = entered["contract"]!.AsObject();
        Assert.Null(contract["blockId"]);
        Assert.Equal(rightId, contract["rightId"]!.GetValue<string>());
        Assert.Equal(3, contract["clauses"]!.AsArray().Count);

        // Work start (due 2024-07-10), contract year 1 (2025-01-09) and the 2024 progress milestone were due before today.
        var notStarted = entered["notStarted"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(3, notStarted.Count);
        Assert.Contains(notStarted, n => n.Contains("2024-07-10", StringComparison.Ordinal) && n.Contains("Start exploration work", StringComparison.Ordinal));
        Assert.Contains(notStarted, n => n.Contains("2025-01-09", StringComparison.Ordinal) && n.Contains("contract year 1", StringComparison.Ordinal));
        Assert.Contains(notStarted, n => n.Contains("2024-12-31", StringComparison.Ordinal));

        // Years 2 and 3 at the clause's 300,000 yuan, the geological data 30 days before expiry, the results report.
        var duties = await ObligationsAsync(holder.Client, rightId);
        Assert.All(duties, d => Assert.True(string.CompareOrdinal(d["dueOn"]!.GetValue<string>(), "2025-03-03") >= 0));
        var investment = duties.Where(d => d["ruleId"]!.GetValue<string>() == "CN-INVEST" || d["clause"]!.GetValue<string>() == "第八条").ToList();
        Assert.Equal(["2026-01-09", "2027-01-09"], investment.Select(d => d["dueOn"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(duties, d => d["clause"]!.GetValue<string>() == "CN-GEODATA" && d["dueOn"]!.GetValue<string>() == "2026-12-11");
        Assert.Contains(duties, d => d["clause"]!.GetValue<string>() == "第九条" && d["dueOn"]!.GetValue<string>() == "2026-10-31");
        Assert.Equal(4, duties.Count);

        // One contract a right; the holder reads it, as its own.
        await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/contract", Contract("ET-2")), HttpStatusCode.Conflict);
        var read = await Api.ReadAsync(await holder.Client.GetAsync($"/api/contracts/{contract["id"]}"), HttpStatusCode.OK);
        Assert.Equal("ET-1", read["number"]!.GetValue<string>());
        Assert.Equal(4, (await ObligationsAsync(holder.Client, rightId)).Count);
    }

    private static object Contract(string number, string signedOn = "2024-01-05", object[]? clauses = null) => new
    {
        number,
        signedOn,
        collection = "amount",
        totalIncome = 1_200_000m,
        clauses = clauses ?? new object[]
        {
            new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于30万元", textEn = "At least 300,000 yuan a contract year", amountYuan = 300_000m },
            new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", textEn = "Submit the results report", dueOn = "2026-10-31" },
            new { number = "第十条", kind = "progress", textZh = "完成首批钻孔", textEn = "Finish the first boreholes", dueOn = "2024-12-31" },
        },
    };

    private static async Task<List<JsonObject>> ObligationsAsync(HttpClient client, string rightId) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={rightId}&pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(o => o!.AsObject()).ToList();
}
