using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>Each role does only its own work, and an officer only within its jurisdiction.</summary>
public sealed class RoleTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task A_holder_is_forbidden_the_work_of_officers_and_administrators()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var (rightId, planId) = await RightWithSubmittedPlanAsync(authority, holder);

        await ForbiddenAsync(holder.Client.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)));
        var contact = $"self-{Guid.NewGuid():N}@holders.test";
        await ForbiddenAsync(holder.Client.PostAsJsonAsync("/api/holders", new
        {
            creditCode = MiningRights.Accounts.UnifiedSocialCreditCode.WithCheckCharacter("91620100123456789"),
            nameZh = "自封矿业有限公司",
            nameEn = "Self-made Mining Co., Ltd.",
            language = "en",
            contactEmails = new[] { contact },
        }));
        await ForbiddenAsync(holder.Client.PostAsJsonAsync($"/api/rights/{rightId}/plans/{planId}/decision", new { decision = "approve" }));
        // A holder reads its own cases (BreachLadderTests), never the inspectors' export of the queue.
        await ForbiddenAsync(holder.Client.GetAsync("/api/cases/export.csv"));
        await ForbiddenAsync(holder.Client.GetAsync("/api/notifications"));
        await ForbiddenAsync(holder.Client.PostAsJsonAsync("/api/accounts", new
        {
            userName = "holder-made-admin",
            password = ServiceFactory.Password,
            role = "Admin",
            email = "holder-made-admin@holders.test",
            language = "en",
        }));

        // None of it took effect: the right and its plan are as they were, and the holder owns just the one right.
        await AssertPlanUnderReviewAsync(authority, rightId, planId);
        Assert.Equal(1, (await Api.ReadAsync(await holder.Client.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = "holder-made-admin", password = ServiceFactory.Password });
        await ProblemAssert.ReadAsync(login, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_inspector_may_neither_decide_plans_nor_register_rights()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var inspector = await api.AccountAsync("Inspector", "620000");
        var (rightId, planId) = await RightWithSubmittedPlanAsync(authority, holder);

        // The inspector sees the right (its jurisdiction), so the 403 is about the role, not the scope.
        await Api.ReadAsync(await inspector.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        await ForbiddenAsync(inspector.PostAsJsonAsync($"/api/rights/{rightId}/plans/{planId}/decision", new { decision = "return", reasons = "Not my call." }));
        await ForbiddenAsync(inspector.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)));

        await AssertPlanUnderReviewAsync(authority, rightId, planId);
        Assert.Equal(1, (await Api.ReadAsync(await holder.Client.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());
    }

    [Fact]
    public async Task A_city_authority_cannot_register_for_the_province_nor_see_a_province_right_outside_its_city()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var province = await api.AuthorityAsync("620000");
        var lanzhou = await api.AuthorityAsync("620100");
        var holder = await api.HolderAsync("en");

        // A right in a Lanzhou county, but with the province as its registration authority.
        var body = Api.ExplorationRight(holder.Id, Registered, county: "620102");
        var problem = await ProblemAssert.ReadAsync(await lanzhou.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Forbidden);
        Assert.Contains("620000", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("620100", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(0, (await Api.ReadAsync(await province.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());

        var subei = await Api.ReadAsync(await province.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered, county: "620923")), HttpStatusCode.Created);
        await ProblemAssert.ReadAsync(await lanzhou.GetAsync($"/api/rights/{subei["id"]}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await Api.ReadAsync(await lanzhou.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());

        // Within its city the same authority registers, so the refusal above was about the jurisdiction.
        var own = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered, county: "620102"), b =>
        {
            b["authorityCode"] = "620100";
            b["deferral"] = null;
        });
        await Api.ReadAsync(await lanzhou.PostAsJsonAsync("/api/rights", own), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_a_token_the_rights_list_answers_401()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var response = await factory.CreateClient().GetAsync("/api/rights");
        await ProblemAssert.ReadDenialAsync(response, HttpStatusCode.Unauthorized);

        // A token that is not one of the service's is no better than none.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/rights");
        forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        await ProblemAssert.ReadDenialAsync(await factory.CreateClient().SendAsync(forged), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_pause_sign_ins_from_that_address_so_the_right_password_is_refused_there_too_with_the_same_answer()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var userName = $"officer-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role = "Authority",
            email = $"{userName}@officers.test",
            language = "en",
            jurisdictionCode = "620000",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var anonymous = factory.CreateClient();

        var refusals = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong-Passw0rd!" });
            var problem = await ProblemAssert.ReadAsync(wrong, HttpStatusCode.Unauthorized);
            Assert.Null(problem["accessToken"]);
            Assert.Equal("Sign-in failed", problem["title"]!.GetValue<string>());
            refusals.Add(Sessions.WithoutTraceId(problem));
        }

        // The pause is told in the same words as a wrong password, which say that it may be one.
        var right = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password });
        var paused = await ProblemAssert.ReadAsync(right, HttpStatusCode.Unauthorized);
        Assert.Null(paused["accessToken"]);
        Assert.Single(refusals.Append(Sessions.WithoutTraceId(paused)).Distinct(StringComparer.Ordinal));
        Assert.Contains("paused for 15 minutes", ProblemAssert.Detail(paused), StringComparison.Ordinal);

        // Other accounts are not affected by the pause.
        await api.AdminAsync();
    }

    private static async Task ForbiddenAsync(Task<HttpResponseMessage> request) =>
        await ProblemAssert.ReadDenialAsync(await request, HttpStatusCode.Forbidden);

    private static async Task<(string RightId, string PlanId)> RightWithSubmittedPlanAsync(HttpClient authority, TestHolder holder)
    {
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(rightId)), HttpStatusCode.Created);
        return (rightId, plan["id"]!.GetValue<string>());
    }

    private static async Task AssertPlanUnderReviewAsync(HttpClient authority, string rightId, string planId)
    {
        var plans = (await authority.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/plans"))!;
        var plan = Assert.Single(plans)!;
        Assert.Equal(planId, plan["id"]!.GetValue<string>());
        Assert.Equal("submitted", plan["status"]!.GetValue<string>());
        var right = await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("underReview", Api.Lifecycle(right)["state"]!.GetValue<string>());
    }
}
