using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Decisions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Decisions;

public sealed partial class DecisionTests
{
    /// <summary>
    /// GS-9d: returning an exploration plan is a formal decision wherever it is sent from. Through the API without its
    /// basis, number and date it is 422 and the plan stays submitted; with them it is numbered and addressed to the
    /// holder, the reasons being its facts. On the right's page the return asks for the same formalities and for the
    /// consequence to be confirmed, keeping what was typed when refused.
    /// </summary>
    [Fact]
    public async Task GS_9d_a_returned_plan_is_a_formal_decision_through_the_API_and_the_page_and_nothing_is_written_without_its_formalities()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId), HttpStatusCode.Created);
        var decision = $"/api/rights/{rightId}/plans/{plan["id"]}/decision";

        var bare = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync(decision, new { decision = "return", reasons = "钻孔布置图缺失。" }), HttpStatusCode.UnprocessableEntity);
        ProblemAssert.Errors(bare, "decision.basis", "decision.number", "decision.decidedOn");
        Assert.Equal("submitted", await PlanStatusAsync(authority, rightId));
        Assert.Equal(0, await CountAsync(factory));

        // The page: a return posted without confirming its consequence is refused, keeping the reasons and the basis chosen.
        var officer = await BrowserAsync(factory, (await api.CreateAccountAsync("Authority", "620000")).UserName, "10.23.2.1");
        var form = await officer.GetStringAsync($"/rights/{rightId}");
        Assert.Contains("退回修改后，矿业权人须按退回理由修改勘查实施方案并重新提交", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        var token = await Sessions.AntiforgeryTokenAsync(officer, $"/rights/{rightId}");
        Dictionary<string, string> Fields(bool confirmed)
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["planId"] = plan["id"]!.GetValue<string>(),
                ["reasons"] = "钻孔布置图缺失。",
                ["decision.basis"] = "GS-9d",
                ["decision.numbering"] = "service",
                ["decision.decidedOn"] = "2025-03-03",
                ["decision"] = "Return",
            };
            if (confirmed)
            {
                fields["decision.confirmed"] = "true";
            }

            return fields;
        }

        var unconfirmed = await officer.PostAsync($"/rights/{rightId}?handler=Decide", new FormUrlEncodedContent(Fields(confirmed: false)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("请先确认该决定的后果", refusedPage, StringComparison.Ordinal);
        Assert.Contains("钻孔布置图缺失。</textarea>", refusedPage, StringComparison.Ordinal);
        Assert.Matches("<option value=\"GS-9d\" selected=\"selected\">", refusedPage);
        Assert.Equal("submitted", await PlanStatusAsync(authority, rightId));
        Assert.Equal(0, await CountAsync(factory));

        var confirmed = await officer.PostAsync($"/rights/{rightId}?handler=Decide", new FormUrlEncodedContent(Fields(confirmed: true)));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("done=returned", confirmed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("returned", await PlanStatusAsync(authority, rightId));

        using var scope = factory.Services.CreateScope();
        var taken = await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Decisions.SingleAsync();
        Assert.Equal(("return", "GS-9d", "钻孔布置图缺失。", holder.Id), (taken.Signal, taken.RuleId, taken.Facts, taken.HolderId));
        Assert.Equal("甘自然资矿决〔2025〕1号", taken.Number);
        Assert.Contains(await NoticesAsync(authority, holder.Email), subject => subject.Contains(taken.Number, StringComparison.Ordinal));
    }

    private static async Task<string> PlanStatusAsync(HttpClient officer, Guid rightId) =>
        Assert.Single((await officer.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/plans"))!)!["status"]!.GetValue<string>();
}
