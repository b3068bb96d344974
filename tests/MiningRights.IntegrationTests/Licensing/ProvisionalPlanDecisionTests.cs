using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Licensing;

/// <summary>
/// GS-9e as the report found it: a plan submitted early is decided on the right's page after its expert review, and a
/// plan submitted in time keeps the licence alive while the authority has not decided, with the authority reminded.
/// </summary>
public sealed class ProvisionalPlanDecisionTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task A_plan_submitted_172_days_early_is_decided_on_the_rights_page_after_its_expert_review()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", ProvisionalLicenseTests.MiningRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        Assert.Equal("2027-03-01", right["expiresOn"]!.GetValue<string>());

        factory.Clock.Set(TestClock.Shanghai(2026, 9, 10, 10));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("medium", 20)), HttpStatusCode.Created);
        var planId = plan["id"]!.GetValue<string>();

        // The plain approval the page used to offer names the expert review instead of failing on a signal the process lacks.
        var refused = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{planId}/decision", new { decision = "approve" }), HttpStatusCode.Conflict);
        Assert.Contains("expert review", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("approve", refused["detail"]!.GetValue<string>().Replace("approve it", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var officer = await api.CreateAccountAsync("Authority", "620000");
        var browser = Sessions.Browser(factory, "10.23.0.1");
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(browser, officer.UserName)).StatusCode);
        var page = await browser.GetStringAsync($"/rights/{rightId}");
        Assert.Contains($"id=\"expert-review-{planId}\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"constructionStartDue\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"decide\"", page, StringComparison.Ordinal);

        factory.Clock.Set(TestClock.Shanghai(2026, 10, 9, 10));
        var token = await Sessions.AntiforgeryTokenAsync(browser, $"/rights/{rightId}");
        var posted = await browser.PostAsync($"/rights/{rightId}?handler=ExpertReview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["planId"] = planId,
            ["passed"] = "true",
            ["reviewedOn"] = "2026-10-09",
            ["panel"] = "甘肃省矿产资源储量评审中心专家组",
            ["findings"] = "方案可行，服务年限二十年，地下开采。",
            ["constructionStartDue"] = "2027-06-30",
            ["constructionCompletionDue"] = "2028-12-31",
            ["greenMineDue"] = "2029-06-30",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("done=approved", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var licensed = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("active", licensed["status"]!.GetValue<string>());
        Assert.Equal("2046-10-09", licensed["expiresOn"]!.GetValue<string>());
        Assert.Equal("licensed", Api.Lifecycle(licensed)["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plan_submitted_in_time_keeps_the_licence_while_the_authority_is_silent_and_the_authority_is_reminded()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var officerEmail = $"authority-{Guid.NewGuid():N}@officers.test";
        await api.CreateAccountAsync("Authority", "620000", email: officerEmail);
        var inspector = await api.AccountAsync("Inspector", "620300");
        var holder = await api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", ProvisionalLicenseTests.MiningRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var number = right["licenseNumber"]!.GetValue<string>();

        factory.Clock.Set(TestClock.Shanghai(2027, 1, 15, 10));
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: ProvisionalLicenseTests.Plan("small", 10)), HttpStatusCode.Created);

        // The authority hears of its review at once (the 60-day stage has passed: it is told the days actually left) and again at 7 days (read from the outbox).
        factory.Clock.Set(TestClock.Shanghai(2027, 2, 22, 9, 30));
        await factory.SweepAsync();
        var reminders = (await Decisions.DecisionTests.NoticesAsync(authority, officerEmail)).Where(m => m.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.True(m.StartsWith("【待评审】", StringComparison.Ordinal) || m.StartsWith("Review due:", StringComparison.Ordinal), m));
        Assert.Contains(reminders, m => m.Contains("还剩 7 天", StringComparison.Ordinal) || m.Contains("in 7 days", StringComparison.Ordinal));

        factory.Clock.Set(TestClock.Shanghai(2027, 3, 2, 0, 5));
        await factory.SweepAsync();
        var waiting = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("provisional", waiting["status"]!.GetValue<string>());
        Assert.Equal("awaitingDecision", Api.Lifecycle(waiting)["state"]!.GetValue<string>());
        Assert.Equal(0, (await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());
        Assert.DoesNotContain(await Decisions.DecisionTests.NoticesAsync(authority, holder.Email), m => m.StartsWith("【失效】", StringComparison.Ordinal));
        var overdue = (await Decisions.DecisionTests.NoticesAsync(authority, officerEmail)).Where(m => m.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, overdue.Count);
        Assert.Contains(overdue, m => m.Contains("逾期未决定", StringComparison.Ordinal) || m.Contains("Decision overdue", StringComparison.Ordinal));

        // Weeks later nothing has lapsed; the authority's late decision still re-issues the licence.
        factory.Clock.Set(TestClock.Shanghai(2027, 4, 1, 10));
        await factory.SweepAsync();
        Assert.Equal("provisional", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/expert-review", ProvisionalLicenseTests.Passed("2027-04-01")), HttpStatusCode.OK);
        var licensed = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("active", licensed["status"]!.GetValue<string>());
        Assert.Equal("2037-04-01", licensed["expiresOn"]!.GetValue<string>());
        Assert.Equal(0, (await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());
    }
}
