using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Licensing;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// A report is only a report with what its step requires. Every route that sends a signal (the JSON and multipart API,
/// the pages) reaches the runtime, which checks the step's declared inputs: a signal whose step has required inputs is
/// refused with 400 and its field errors whether the body is JSON <c>null</c>, an empty object, no body at all or values
/// without the required one, and the duty stays where it was, its journal unchanged. The hole was a duty whose report
/// declared no inputs at all (GS-10c's construction duties after a re-issued licence): a <c>null</c> body reported it.
/// </summary>
public sealed class SignalBodyTests
{
    public static TheoryData<string, string?> EmptyBodies => new()
    {
        { "JSON null", "null" },
        { "an empty object", "{}" },
        { "values null", """{"values": null}""" },
        { "empty values", """{"values": {}}""" },
        { "a note only", """{"note": "已完成"}""" },
        { "values without the amount", """{"values": {"workDone": "物探"}}""" },
        { "the amount null", """{"values": {"amountYuan": null, "workDone": "物探"}}""" },
        { "the amount blank", """{"values": {"amountYuan": " "}}""" },
        { "no body", null },
    };

    [Theory]
    [MemberData(nameof(EmptyBodies))]
    public async Task GS_10a_an_investment_report_without_its_required_amount_is_refused_and_changes_nothing(string what, string? body)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于50万元", textEn = "At least 500,000 yuan a contract year", amountYuan = 500_000m });
        var year1 = right["workflows"]!.AsArray().Select(w => w!.AsObject())
            .First(w => w["definitionId"]!.GetValue<string>() == "exploration-investment")["instanceId"]!.GetValue<string>();
        var before = await InstanceAsync(holder.Client, year1);
        Assert.Equal("open", before["state"]!.GetValue<string>());

        using var content = body is null ? null : new StringContent(body, Encoding.UTF8);
        if (content is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var refused = await ProblemAssert.ReadAsync(await holder.Client.PostAsync($"/api/workflows/instances/{year1}/signals/report", content), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(refused, "amountYuan");
        Assert.False(string.IsNullOrEmpty(refused["detailZh"]?.GetValue<string>()), what);

        var after = await InstanceAsync(holder.Client, year1);
        Assert.Equal("open", after["state"]!.GetValue<string>());
        Assert.Equal(before["journal"]!.ToJsonString(), after["journal"]!.ToJsonString());
        Assert.Equal(before["values"]!.ToJsonString(), after["values"]!.ToJsonString());

        // The same duty takes a report that carries its amount.
        var taken = await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{year1}/signals/report", new { values = new { amountYuan = 0m } });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("reported", (await InstanceAsync(holder.Client, year1))["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"note": "开工报告已上传"}""")]
    [InlineData("""{"values": {"workDone": "矿山基建开工"}}""")]
    public async Task GS_10c_a_mine_construction_duty_is_not_reported_by_a_body_without_its_date_and_what_was_done(string body)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var registered = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", ProvisionalLicenseTests.MiningRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = registered["id"]!.GetValue<string>();
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(rightId), fields: ProvisionalLicenseTests.Plan("small", 10)), HttpStatusCode.Created);
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/expert-review", ProvisionalLicenseTests.Passed("2025-03-01")), HttpStatusCode.OK);
        var duty = Api.LifecycleDeadlines(await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))
            .First(d => d["ruleId"]!.GetValue<string>() == "GS-10c")["instanceId"]!.GetValue<string>();
        var before = await InstanceAsync(holder.Client, duty);
        Assert.Equal("mine-construction-obligation", before["definitionId"]!.GetValue<string>());
        Assert.Equal("open", before["state"]!.GetValue<string>());

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var refused = await ProblemAssert.ReadAsync(await holder.Client.PostAsync($"/api/workflows/instances/{duty}/signals/report", content), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(refused, "doneOn");

        var after = await InstanceAsync(holder.Client, duty);
        Assert.Equal("open", after["state"]!.GetValue<string>());
        Assert.Equal(before["journal"]!.ToJsonString(), after["journal"]!.ToJsonString());

        // With the date and what was done it is a report; the authority's rejection must say why.
        await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{duty}/signals/report",
            new { values = new { doneOn = "2025-03-01", workDone = "矿山基建开工" } }), HttpStatusCode.OK);
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{duty}/signals/reject", new { }), HttpStatusCode.BadRequest), "reasons");
        Assert.Equal("reported", (await InstanceAsync(holder.Client, duty))["state"]!.GetValue<string>());
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string instanceId) =>
        await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{instanceId}"), HttpStatusCode.OK);
}
