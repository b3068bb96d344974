using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Policies;

namespace MiningRights.IntegrationTests.Policies;

/// <summary>
/// Rulebooks in the running service (POLICY.md §6): a renewed policy added by an administrator as a file, checked before it
/// takes effect and applied from its own first day; the rules and parameters in force where and when; a deferral's
/// citation kept from the day it arose; a bad rulebook file stopping the start.
/// </summary>
public sealed class PolicyTests
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot.Find(), "tests", "MiningRights.IntegrationTests", "Policies", "test-renewed-gansu-policy.json");

    [Fact]
    public async Task Without_a_renewed_policy_a_Gansu_deferral_in_2026_is_refused_naming_the_GS_9d_window_and_with_the_test_rulebook_it_is_granted()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2026, 3, 2, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        var refused = await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2026, 3, 2)));
        var problem = await ProblemAssert.ReadAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9d", problem["ruleId"]!.GetValue<string>());
        Assert.Contains("from 2024-05-10 to 2025-12-31", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A holder or an officer may not add a rulebook; an administrator may, and a broken one is refused naming the path.
        var admin = await api.AdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await Upload(authority, "renewed.json", await File.ReadAllTextAsync(Fixture))).StatusCode);
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Fixture))!;
        broken["rules"]![0]!["validUntil"] = "2029-06-30";
        var brokenProblem = await ProblemAssert.ReadAsync(await Upload(admin, "renewed.json", broken.ToJsonString()), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("$.rules[0].validFrom", brokenProblem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-9d", (await Api.ReadAsync(await admin.GetAsync("/api/policies"), HttpStatusCode.OK)).ToJsonString(), StringComparison.Ordinal);

        var added = await Api.ReadAsync(await Upload(admin, "renewed.json", await File.ReadAllTextAsync(Fixture)), HttpStatusCode.Created);
        Assert.Equal("test-renewed-gansu-policy", added["id"]!.GetValue<string>());
        var twice = await ProblemAssert.ReadAsync(await Upload(admin, "renewed.json", await File.ReadAllTextAsync(Fixture)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already in force", twice["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2026, 3, 2))), HttpStatusCode.Created);
        var deferral = Api.Lifecycle(right);
        Assert.Equal("exploration-plan-deferral", deferral["definitionId"]!.GetValue<string>());
        var instance = await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{deferral["instanceId"]}"), HttpStatusCode.OK);
        var start = instance["journal"]!.AsArray()[0]!;
        Assert.Equal("TEST-9d", start["ruleId"]!.GetValue<string>());
        Assert.Contains("测试夹具", start["citation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2027-03-02", Api.LifecycleDeadlines(right)[0]["dueOn"]!.GetValue<string>());

        // The rules in force in Gansu on a day of 2026 now include it; on a day of 2025 they include GS-9d instead.
        var in2026 = await Api.ReadAsync(await authority.GetAsync("/api/policies?province=620000&on=2026-06-01"), HttpStatusCode.OK);
        var in2025 = await Api.ReadAsync(await authority.GetAsync("/api/policies?province=620000&on=2025-06-01"), HttpStatusCode.OK);
        Assert.Contains("TEST-9d", Ids(in2026));
        Assert.DoesNotContain("GS-9d", Ids(in2026));
        Assert.Contains("GS-9d", Ids(in2025));
        Assert.DoesNotContain("TEST-9d", Ids(in2025));
    }

    [Fact]
    public async Task The_policies_in_force_in_a_province_on_a_day_list_its_rules_the_national_ones_and_the_parameter_values_used()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 2, 10), settings: new Dictionary<string, string?> { ["Parameters:Provinces:330000:CaseGraceDays"] = "20" });
        var client = await new Api(factory).AuthorityAsync("330000");

        var zhejiang = await Api.ReadAsync(await client.GetAsync("/api/policies?province=330000&on=2025-03-01"), HttpStatusCode.OK);
        var ids = Ids(zhejiang);
        Assert.Contains("ZJ-27b", ids);
        Assert.Contains("CN-TERM", ids);
        Assert.DoesNotContain(ids, id => id.StartsWith("GS-", StringComparison.Ordinal));
        var parameters = zhejiang["parameters"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => p["name"]!.GetValue<string>());
        Assert.Equal("10", parameters["FirstInstallmentMinimumPercent"]["value"]!.GetValue<string>());
        Assert.Equal("ZJ-27b", parameters["FirstInstallmentMinimumPercent"]["ruleId"]!.GetValue<string>());
        Assert.Equal("20", parameters["CaseGraceDays"]["value"]!.GetValue<string>());
        Assert.True(parameters["CaseGraceDays"]["configured"]!.GetValue<bool>());
        Assert.False(parameters.ContainsKey("EnclosingYears"));

        var after = await Api.ReadAsync(await client.GetAsync("/api/policies?province=330000&on=2026-01-01"), HttpStatusCode.OK);
        Assert.DoesNotContain(Ids(after), id => id.StartsWith("ZJ-", StringComparison.Ordinal));

        await ProblemAssert.ReadAsync(await client.GetAsync("/api/policies?province=33&on=2026-01-01"), HttpStatusCode.BadRequest);
        await ProblemAssert.ReadAsync(await client.GetAsync("/api/policies?province=330000&on=2026-13-01"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_Gansu_GS_9d_plan_granted_on_31_December_2025_and_missed_in_2027_cites_GS_9d_and_its_case_runs_the_national_process()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 12, 31, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var inspector = await api.AccountAsync("Inspector", "620000");
        var holder = await api.HolderAsync("zh-CN");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 12, 31))), HttpStatusCode.Created);
        Assert.Equal("2026-12-31", Api.LifecycleDeadlines(right)[0]["dueOn"]!.GetValue<string>());

        // Missed: overdue on 1 January 2027, a case after the 15-day grace, long after the Gansu notice expired.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 1, 1, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2027, 1, 17, 10));
        var cases = (await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK))["items"]!.AsArray();
        var opened = Assert.Single(cases)!.AsObject();
        Assert.Equal("GS-9d", opened["ruleId"]!.GetValue<string>());
        Assert.Contains("GS-9d", opened["citation"]!.GetValue<string>(), StringComparison.Ordinal);

        var caseInstance = await Api.ReadAsync(await inspector.GetAsync($"/api/workflows/instances/{opened["caseInstanceId"]}"), HttpStatusCode.OK);
        Assert.Equal("case", caseInstance["definitionId"]!.GetValue<string>());
        var definition = await Api.ReadAsync(await inspector.GetAsync("/api/workflows/definitions/case/1"), HttpStatusCode.OK);
        Assert.Equal("100000", definition["province"]!.GetValue<string>());
        var caseStart = caseInstance["journal"]!.AsArray()[0]!["citation"]!.GetValue<string>();
        Assert.Contains("GS-10d", caseStart, StringComparison.Ordinal);
        Assert.Contains("CN-CONTRACT", caseStart, StringComparison.Ordinal);

        // The holder's overdue notice of 2027 names GS-9d and its source.
        await factory.DeliverAsync();
        var overdue = (await MailDev.ForAsync(holder.Email)).First(m => m.Subject.StartsWith("【逾期】", StringComparison.Ordinal));
        Assert.Contains("GS-9d", overdue.Text!, StringComparison.Ordinal);
        Assert.Contains("甘肃省自然资源厅", overdue.Text!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rulebook_file_with_an_error_stops_the_start_naming_the_file_the_path_and_the_reason()
    {
        var folder = Path.Combine(ServiceFactory.TestDataRoot, "rulebooks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "src", "MiningRights", "Policies", "Rulebooks"), "*.json"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var path = Path.Combine(folder, "zhejiang-2023.json");
            var book = JsonNode.Parse(File.ReadAllText(path))!;
            book["rules"]![4]!["appliesTo"]!["rightKinds"]![0] = "quarry";
            File.WriteAllText(path, book.ToJsonString());

            using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?> { ["Policies:Directory"] = folder });
            var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            var invalid = ExceptionChain.Of(thrown).OfType<RulebookException>().FirstOrDefault();
            Assert.True(invalid is not null, "No RulebookException in: " + thrown);
            var problem = Assert.Single(invalid.Problems);
            Assert.Equal("zhejiang-2023.json", problem.File);
            Assert.Equal("$.rules[4].appliesTo.rightKinds[0]", problem.Path);
            Assert.Contains("'quarry' is not one of exploration, mining", problem.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string name, string json)
    {
        var form = new MultipartFormDataContent { { new StringContent(json, System.Text.Encoding.UTF8, "application/json"), "file", name } };
        return client.PostAsync("/api/policies/rulebooks", form);
    }

    private static List<string> Ids(JsonObject listing) => listing["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
}
