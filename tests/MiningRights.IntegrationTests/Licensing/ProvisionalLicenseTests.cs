using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Licensing;

/// <summary>GS-9e end to end: the two-year provisional licence, its plan and expert review, the re-issue or the lapse.</summary>
public sealed class ProvisionalLicenseTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    public static object MiningRight(Guid holderId, DateOnly registeredOn, string transferMode = "auction", string deferral = "provisional-mining-license") => new
    {
        licenseNumber = Api.NewLicenseNumber("C"),
        kind = "mining",
        holderId,
        projectName = "永昌县铜矿",
        minerals = new[] { "铜" },
        areaKm2 = 3.2m,
        locationCountyCode = "620321",
        authorityCode = "620000",
        transferMode,
        blankArea = false,
        registeredOn = registeredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        deferral,
    };

    public static Dictionary<string, string> Plan(string scale, int years) => new()
    {
        ["scale"] = scale,
        ["serviceLifeYears"] = years.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["miningMethod"] = "underground",
        ["designCapacity"] = "30",
    };

    public static object Passed(string reviewedOn) => new
    {
        passed = true,
        reviewedOn,
        panel = "甘肃省矿产资源储量评审中心专家组",
        findings = "方案可行，服务年限和开采方式确定。",
        constructionStartDue = "2027-06-30",
        constructionCompletionDue = "2028-12-31",
        greenMineDue = "2029-06-30",
    };

    [Fact]
    public async Task Whole_path_to_a_full_licence_sends_each_reminder_once_and_starts_the_construction_duties()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var number = right["licenseNumber"]!.GetValue<string>();
        Assert.Equal("provisional", right["status"]!.GetValue<string>());
        Assert.Equal("GS-9e", right["provisionalRuleId"]!.GetValue<string>());
        Assert.Equal("2027-03-01", right["expiresOn"]!.GetValue<string>());
        Assert.Equal("2027-03-01", Api.LifecycleDeadlines(right)[0]["dueOn"]!.GetValue<string>());

        await factory.RunJobsAtAsync(TestClock.Shanghai(2026, 12, 31, 9));
        AssertReminder(await MailDev.ForAsync(holder.Email), 60, "开发与恢复治理方案尚未提交");

        factory.Clock.Set(TestClock.Shanghai(2027, 1, 15));
        var first = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: Plan("medium", 20)), HttpStatusCode.Created);
        Assert.Equal("medium", first["mineScale"]!.GetValue<string>(), ignoreCase: true);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 1, 30, 9));
        AssertReminder(await MailDev.ForAsync(holder.Email), 30, "专家评审待完成");

        factory.Clock.Set(TestClock.Shanghai(2027, 2, 1));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{first["id"]}/expert-review", new
        {
            passed = false,
            reviewedOn = "2027-02-01",
            panel = "专家组",
            findings = "开采方式论证不足。",
            formalities = Formal.Of(factory.Clock, "GS-9e"),
        }), HttpStatusCode.OK);
        var afterFail = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("reviewFailed", Api.Lifecycle(afterFail)["state"]!.GetValue<string>());
        Assert.Equal("2027-03-01", Api.LifecycleDeadlines(afterFail)[0]["dueOn"]!.GetValue<string>());

        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 2, 22, 9));
        var mails = await MailDev.ForAsync(holder.Email);
        Assert.Single(mails, m => m.Subject.StartsWith("【未通过】", StringComparison.Ordinal));
        AssertReminder(mails, 7, "专家评审未通过");

        factory.Clock.Set(TestClock.Shanghai(2027, 2, 24));
        var second = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, "%PDF-1.4 revised plan"u8.ToArray(), fields: Plan("medium", 20)), HttpStatusCode.Created);
        factory.Clock.Set(TestClock.Shanghai(2027, 2, 26));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{second["id"]}/expert-review", Passed("2027-02-26")), HttpStatusCode.OK);

        var licensed = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal(number, licensed["licenseNumber"]!.GetValue<string>());
        Assert.Equal("active", licensed["status"]!.GetValue<string>());
        Assert.Null(licensed["provisionalRuleId"]);
        Assert.Equal("2027-02-26", licensed["issuedOn"]!.GetValue<string>());
        Assert.Equal("2047-02-26", licensed["expiresOn"]!.GetValue<string>());
        Assert.Equal(20, licensed["serviceLifeYears"]!.GetValue<int>());
        var duties = Api.LifecycleDeadlines(licensed);
        Assert.Equal(["2027-06-30", "2028-12-31", "2029-06-30"], duties.Select(d => d!["dueOn"]!.GetValue<string>()));
        Assert.Equal(["Start mine construction", "Complete mine construction", "Complete green-mine construction (绿色矿山)"], duties.Select(d => d!["whatEn"]!.GetValue<string>()));
        Assert.All(duties, d => Assert.Equal("GS-10c", d!["ruleId"]!.GetValue<string>()));

        var historyEntries = JsonNode.Parse(await (await holder.Client.GetAsync($"/api/rights/{rightId}/history")).Content.ReadAsStringAsync())!.AsArray();
        var reissue = historyEntries.Single(h => h!["what"]!.GetValue<string>() == "license.reissued")!;
        Assert.Contains("2027-03-01", reissue["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2047-02-26", reissue["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // The licence clock stopped with the approval: no 1-day reminder; the re-issue notice goes out once.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 2, 28, 9, 30));
        mails = await MailDev.ForAsync(holder.Email);
        Assert.DoesNotContain(mails, m => m.Subject.Contains("还剩 1 天", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.StartsWith("【换证】", StringComparison.Ordinal));
        Assert.Equal(5, mails.Count);

        // The construction duties are ordinary deadlines with reminders.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 5, 1, 9));
        var dutyReminder = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("矿山开工建设", StringComparison.Ordinal));
        Assert.Contains("还剩 60 天", dutyReminder.Subject, StringComparison.Ordinal);
        Assert.Contains("GS-10c", dutyReminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_life_caps_follow_the_scale()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var medium = Guid.Parse((await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, Registered)), HttpStatusCode.Created))["id"]!.GetValue<string>());
        var large = Guid.Parse((await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, Registered)), HttpStatusCode.Created))["id"]!.GetValue<string>());

        factory.Clock.Set(TestClock.Shanghai(2026, 1, 10));
        var refused = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, medium, fields: Plan("medium", 21)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", refused["ruleId"]!.GetValue<string>());
        Assert.Contains("capped at 20 years", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("national mining registration rules", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(await (await holder.Client.GetAsync($"/api/rights/{medium}/plans")).Content.ReadAsStringAsync())!.AsArray());

        var twenty = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, medium, fields: Plan("medium", 20)), HttpStatusCode.Created);
        var thirty = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, large, fields: Plan("large", 30)), HttpStatusCode.Created);
        factory.Clock.Set(TestClock.Shanghai(2026, 2, 1));
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{medium}/plans/{twenty["id"]}/expert-review", Passed("2026-02-01")), HttpStatusCode.OK);
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{large}/plans/{thirty["id"]}/expert-review", Passed("2026-02-01")), HttpStatusCode.OK);

        Assert.Equal("2046-02-01", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{medium}"), HttpStatusCode.OK))["expiresOn"]!.GetValue<string>());
        Assert.Equal("2056-02-01", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{large}"), HttpStatusCode.OK))["expiresOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_licence_lapses_at_exactly_two_years_and_not_a_day_early()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("zh-CN");
        var inspectorEmail = $"inspector-{Guid.NewGuid():N}@officers.test";
        var inspector = await api.AccountAsync("Inspector", "620300", email: inspectorEmail);
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();

        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 1, 23, 59));
        Assert.Equal("provisional", (await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal(0, (await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());
        Assert.DoesNotContain(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("【失效】", StringComparison.Ordinal));

        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 3, 2, 0, 0));
        var lapsed = await Api.ReadAsync(await holder.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("lapsed", lapsed["status"]!.GetValue<string>());
        Assert.Equal("lapsed", Api.Lifecycle(lapsed)["state"]!.GetValue<string>());
        Assert.Empty(Api.LifecycleDeadlines(lapsed));

        var holderMail = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("【失效】", StringComparison.Ordinal));
        Assert.Contains("GS-9e", holderMail.Text, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", holderMail.Text, StringComparison.Ordinal);
        Assert.Contains("Lapsed:", Assert.Single(await MailDev.ForAsync(inspectorEmail)).Subject, StringComparison.Ordinal);

        var queue = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        var opened = queue["items"]!.AsArray().Single()!;
        Assert.Equal(3, opened["severity"]!.GetValue<int>());
        Assert.Equal("GS-9e", opened["ruleId"]!.GetValue<string>());
        var detail = await Api.ReadAsync(await inspector.GetAsync($"/api/cases/{opened["id"]}"), HttpStatusCode.OK);
        var what = detail["history"]!.AsArray().Select(h => h!["what"]!.GetValue<string>() + " " + h["detail"]!.GetValue<string>()).ToList();
        Assert.Contains(what, w => w.StartsWith("right.registered", StringComparison.Ordinal));
        Assert.Contains(what, w => w.StartsWith("license.provisional", StringComparison.Ordinal));
        Assert.Contains(what, w => w.Contains("deadline:licenseExpiry: awaitingPlan → lapsed", StringComparison.Ordinal));
        Assert.Contains(what, w => w.StartsWith("right.status", StringComparison.Ordinal) && w.Contains("Lapsed", StringComparison.Ordinal));

        // Nothing more can be submitted on a lapsed licence.
        Assert.Equal(HttpStatusCode.Conflict, (await Api.SubmitPlanAsync(holder.Client, Guid.Parse(rightId), fields: Plan("small", 5))).StatusCode);
    }

    [Fact]
    public async Task Registration_is_refused_by_rule_for_agreement_for_exploration_and_outside_the_window()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2026, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        var agreement = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, Registered, transferMode: "agreement")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", agreement["ruleId"]!.GetValue<string>());
        Assert.Contains("agreement", agreement["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var exploration = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights",
            Api.ExplorationRight(holder.Id, Registered, deferral: "provisional-mining-license")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", exploration["ruleId"]!.GetValue<string>());
        Assert.Contains("mining rights only", exploration["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var outside = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, new DateOnly(2026, 2, 1))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9e", outside["ruleId"]!.GetValue<string>());
        Assert.Contains("2025-12-31", outside["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2026-02-01", outside["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var admin = await api.AdminAsync();
        Assert.Equal(0, (await Api.ReadAsync(await admin.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());
    }

    [Fact]
    public async Task Registered_on_29_February_under_a_renewed_policy_the_licence_expires_on_28_February()
    {
        // A province that renews the policy publishes it; an administrator adds it as a rulebook (the test fixture's
        // TEST-9e fills the provisional licence for Gansu until 2028-12-31).
        using var factory = new ServiceFactory(TestClock.Shanghai(2028, 2, 29, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var fixture = Path.Combine(RepositoryRoot.Find(), "tests", "MiningRights.IntegrationTests", "Policies", "test-renewed-gansu-policy.json");
        var form = new MultipartFormDataContent { { new StringContent(await File.ReadAllTextAsync(fixture)), "file", "renewed.json" } };
        await Api.ReadAsync(await admin.PostAsync("/api/policies/rulebooks", form), HttpStatusCode.Created);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(holder.Id, new DateOnly(2028, 2, 29))), HttpStatusCode.Created);
        Assert.Equal("2030-02-28", right["expiresOn"]!.GetValue<string>());
        Assert.Equal("TEST-9e", right["provisionalRuleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_company_gets_404_on_every_endpoint_of_the_workflow()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var owner = await api.HolderAsync("en");
        var stranger = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", MiningRight(owner.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(owner.Client, rightId, fields: Plan("small", 10)), HttpStatusCode.Created);
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/expert-review", Passed("2025-03-01")), HttpStatusCode.OK);
        var view = await Api.ReadAsync(await owner.Client.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        var licenceInstance = Api.Lifecycle(view)["instanceId"]!.GetValue<string>();
        var duty = Api.LifecycleDeadlines(view)[0];
        var dutyInstance = duty["instanceId"]!.GetValue<string>();

        var attempts = new List<HttpResponseMessage>
        {
            await stranger.Client.GetAsync($"/api/rights/{rightId}"),
            await stranger.Client.GetAsync($"/api/rights/{rightId}/history"),
            await stranger.Client.GetAsync($"/api/rights/{rightId}/plans"),
            await stranger.Client.GetAsync($"/api/rights/{rightId}/plans/{plan["id"]}/document"),
            await Api.SubmitPlanAsync(stranger.Client, rightId, fields: Plan("small", 5)),
            await stranger.Client.GetAsync($"/api/workflows/instances/{licenceInstance}"),
            await stranger.Client.GetAsync($"/api/workflows/instances/{dutyInstance}"),
            await stranger.Client.GetAsync($"/api/deadlines/{duty["id"]}"),
            await stranger.Client.PostAsJsonAsync($"/api/workflows/instances/{dutyInstance}/signals/report", new { note = "done" }),
        };
        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, (await Api.ReadAsync(await stranger.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK)).ItemCount());

        // The owner reports the duty through the same endpoint, and the authority verifies it.
        var reported = await Api.ReadAsync(await owner.Client.PostAsJsonAsync($"/api/workflows/instances/{dutyInstance}/signals/report",
            new { note = "开工报告已上传", values = new { doneOn = "2025-03-01", workDone = "矿山基建开工" } }), HttpStatusCode.OK);
        Assert.Equal("reported", reported["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client.PostAsJsonAsync($"/api/workflows/instances/{dutyInstance}/signals/verify", new { })).StatusCode);
        var verified = await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/workflows/instances/{dutyInstance}/signals/verify", new { note = "现场核实" }), HttpStatusCode.OK);
        Assert.Equal("verified", verified["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client.PostAsJsonAsync($"/api/workflows/instances/{licenceInstance}/signals/submitPlan", new { })).StatusCode);
    }

    private static void AssertReminder(IReadOnlyList<MailDev.Mail> mails, int daysLeft, string status)
    {
        var reminder = Assert.Single(mails, m => m.Subject.Contains($"还剩 {daysLeft} 天", StringComparison.Ordinal));
        Assert.Contains("两年期采矿许可证", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("2027-03-01", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("GS-9e", reminder.Text, StringComparison.Ordinal);
        Assert.Contains(status, reminder.Text, StringComparison.Ordinal);
    }
}
