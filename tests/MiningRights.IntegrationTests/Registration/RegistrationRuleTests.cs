using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Registration;

/// <summary>
/// A deferral is granted only where its rule applies and was in force (GS-9d); otherwise the
/// registration is refused with the rule and the reason, and nothing of it is kept.
/// </summary>
public sealed class RegistrationRuleTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task A_right_obtained_by_agreement_gets_no_plan_deferral()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var number = Api.NewLicenseNumber("T");

        var problem = await RefusedAsync(authority, Api.ExplorationRight(holder.Id, Registered, number, transferMode: "agreement"), "transferMode");
        Assert.Contains("obtained by agreement", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("tender, auction, listing", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        await RegisteredWithDeferralAsync(authority, Api.ExplorationRight(holder.Id, Registered, number, transferMode: "auction"));
    }

    [Fact]
    public async Task A_right_outside_a_blank_area_gets_no_plan_deferral()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var number = Api.NewLicenseNumber("T");

        var problem = await RefusedAsync(authority, Api.ExplorationRight(holder.Id, Registered, number, blankArea: false), "blankArea");
        Assert.Contains("blank-area", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("not in a blank area", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        await RegisteredWithDeferralAsync(authority, Api.ExplorationRight(holder.Id, Registered, number));
    }

    [Fact]
    public async Task A_mining_right_gets_no_exploration_plan_deferral()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var number = Api.NewLicenseNumber("C");
        var mining = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered, number, blankArea: false), b => b["kind"] = "mining");

        var problem = await RefusedAsync(authority, mining, "kind");
        Assert.Contains("exploration rights only", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("mining right", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        // Registered as what it is, without a deferral it has no rule for.
        var plain = RequestBody.Edit(mining, b => b["deferral"] = null);
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", plain), HttpStatusCode.Created);
        Assert.Equal("mining", right["kind"]!.GetValue<string>());
        Assert.Empty(Api.Lifecycles(right));
    }

    [Fact]
    public async Task A_registration_after_the_Gansu_notice_expired_gets_no_plan_deferral()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2026, 2, 10, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var number = Api.NewLicenseNumber("T");

        var problem = await RefusedAsync(authority, Api.ExplorationRight(holder.Id, new DateOnly(2026, 1, 5), number), "registeredOn");
        Assert.Contains("2025-12-31", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("2026-01-05", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("no renewed policy", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        // A right registered while the notice was in force keeps it, even when recorded after the window (§6).
        var right = await RegisteredWithDeferralAsync(authority, Api.ExplorationRight(holder.Id, new DateOnly(2025, 12, 31), number));
        Assert.Equal("2026-12-31", Api.LifecycleDeadlines(right)[0]["dueOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_Zhejiang_right_gets_no_Gansu_plan_deferral()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var holder = await api.HolderAsync("en");
        var number = Api.NewLicenseNumber("T");
        var chunan = Api.ExplorationRight(holder.Id, Registered, number, county: "330127");
        Assert.Equal("330000", RequestBody.Edit(chunan, _ => { })["authorityCode"]!.GetValue<string>());

        var problem = await RefusedAsync(admin, chunan, "locationCountyCode");
        Assert.Contains("province 620000", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("province 330000", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        var plain = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/rights", RequestBody.Edit(chunan, b => b["deferral"] = null)), HttpStatusCode.Created);
        Assert.Equal(number, plain["licenseNumber"]!.GetValue<string>());
        Assert.Empty(Api.Lifecycles(plain));
    }

    [Fact]
    public async Task An_agreement_right_without_deferral_is_registered_for_verification_and_disclosure()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var body = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered, transferMode: "agreement"), b => b["deferral"] = null);

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);
        Assert.Equal("agreement", right["transferMode"]!.GetValue<string>());
        Assert.Empty(Api.Lifecycles(right));
        Assert.Empty(Api.LifecycleDeadlines(right));

        var registered = await RegistrationEntryAsync(authority, right);
        Assert.Contains("verification and information disclosure required", registered["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("without repeated verification", registered["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publicly_transferred_right_without_deferral_is_registered_without_repeated_verification()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var body = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered, transferMode: "tender"), b => b["deferral"] = null);

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);
        Assert.Empty(Api.Lifecycles(right));
        Assert.Empty(Api.LifecycleDeadlines(right));

        var registered = await RegistrationEntryAsync(authority, right);
        Assert.Contains("without repeated verification and disclosure", registered["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The registration is refused under GS-9d, naming <paramref name="field"/>; the rights and deadlines stay as they were.</summary>
    private static async Task<JsonObject> RefusedAsync(HttpClient officer, object body, string field)
    {
        var rightsBefore = await TotalAsync(officer, "/api/rights");
        var deadlinesBefore = await TotalAsync(officer, "/api/deadlines");

        var problem = await ProblemAssert.ReadAsync(await officer.PostAsJsonAsync("/api/rights", body), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9d", problem["ruleId"]!.GetValue<string>());
        Assert.Contains("GS-9d", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["ruleSource"]?.GetValue<string>()), problem.ToJsonString());
        ProblemAssert.Errors(problem, field);

        Assert.Equal(rightsBefore, await TotalAsync(officer, "/api/rights"));
        Assert.Equal(deadlinesBefore, await TotalAsync(officer, "/api/deadlines"));
        return problem;
    }

    private static async Task<JsonObject> RegisteredWithDeferralAsync(HttpClient officer, object body)
    {
        var right = await Api.ReadAsync(await officer.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);
        Assert.Equal("awaitingPlan", Api.Lifecycle(right)["state"]!.GetValue<string>());
        Assert.Equal("GS-9d", Api.LifecycleDeadlines(right)[0]["ruleId"]!.GetValue<string>());
        return right;
    }

    private static async Task<JsonNode> RegistrationEntryAsync(HttpClient officer, JsonObject right)
    {
        var history = (await officer.GetFromJsonAsync<JsonArray>($"/api/rights/{right["id"]}/history"))!;
        var registered = Assert.Single(history, h => h!["what"]!.GetValue<string>() == "right.registered")!;
        Assert.Equal("GS-9a", registered["ruleId"]!.GetValue<string>());
        Assert.Contains(right["licenseNumber"]!.GetValue<string>(), registered["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // No lifecycle process was started (the renewal every right in force carries aside).
        Assert.DoesNotContain(history, h => h!["what"]!.GetValue<string>().StartsWith("workflow.", StringComparison.Ordinal)
            && !h["what"]!.GetValue<string>().StartsWith("workflow.renewal", StringComparison.Ordinal));
        return registered;
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await Api.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK)).ItemCount();
}
