using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Renewals;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Renewals;

/// <summary>
/// Every right in force is tracked to its expiry (CN-RENEW): reminders before the application deadline 30 days before
/// expiry, each once; no application lapses the right the day after it expires, not a day early; a renewal granted
/// extends it and starts the next term's process; the term asked for is checked against the law in force on the day
/// (CN-TERM); an authority that has not decided by expiry has granted it (Administrative Licensing Law, art. 50).
/// </summary>
public sealed class RenewalTests
{
    private static readonly string[] Gold = ["金"];

    [Fact]
    public async Task Without_an_application_the_holder_is_reminded_once_a_stage_and_the_right_lapses_the_day_after_expiry()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var inspectorEmail = $"inspector-{Guid.NewGuid():N}@example.cn";
        await api.AccountAsync("Inspector", "620900", email: inspectorEmail);
        var holder = await api.HolderAsync("zh-CN");
        var right = await RegisterAsync(authority, holder, "2025-03-01", "2025-09-30");
        var renewal = await RenewalAsync(holder.Client, right);
        Assert.Equal("open", renewal["state"]!.GetValue<string>());
        Assert.Equal("2025-08-31", renewal["dates"]!["applyBy"]!.GetValue<string>());

        // 60 days before the application deadline (31 August): one reminder, however often the jobs run.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 2, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 2, 11));
        await MailDev.WaitUntilReceivedAsync(new Dictionary<string, int> { [holder.Email] = 1 });
        Assert.Single(await MailsAsync(holder.Email, "【提醒】"), m => m.Subject.Contains("还剩 60 天", StringComparison.Ordinal));
        foreach (var day in new[] { (8, 1), (8, 24), (8, 30) })
        {
            await factory.RunJobsAtAsync(TestClock.Shanghai(2025, day.Item1, day.Item2, 10));
        }

        await MailDev.WaitUntilReceivedAsync(new Dictionary<string, int> { [holder.Email] = 4 });
        Assert.Equal(4, (await MailsAsync(holder.Email, "【提醒】")).Count);

        // The last day to apply passes: overdue, told once; the right is still in force until its expiry.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 8, 31, 23, 0));
        Assert.Equal("open", (await RenewalAsync(holder.Client, right))["state"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 1, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 2, 10));
        Assert.Equal("missed", (await RenewalAsync(holder.Client, right))["state"]!.GetValue<string>());
        await MailDev.WaitUntilReceivedAsync(new Dictionary<string, int> { [holder.Email] = 5 });
        Assert.Single(await MailsAsync(holder.Email, "【逾期】"));
        var late = await SignalAsync(holder.Client, await RenewalIdAsync(holder.Client, right), "apply", new { termYears = 2, reason = "继续勘查" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Expiry on 30 September: still in force that evening, lapsed the next day, holder and inspectors told once.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 30, 23, 0));
        Assert.Equal("active", await StatusAsync(holder.Client, right));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 10, 1, 9, 30));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 10, 2, 9, 30));
        Assert.Equal("lapsed", await StatusAsync(holder.Client, right));
        await MailDev.WaitUntilReceivedAsync(new Dictionary<string, int> { [holder.Email] = 6, [inspectorEmail] = 1 });
        Assert.Single(await MailsAsync(holder.Email, "【失效】"));
        var inspectorMail = await MailDev.ForAsync(inspectorEmail);
        Assert.True(inspectorMail.Count(m => m.Subject.StartsWith("【失效】", StringComparison.Ordinal) || m.Subject.StartsWith("Lapsed:", StringComparison.Ordinal)) == 1,
            string.Join(" | ", inspectorMail.Select(m => m.Subject)));
    }

    [Fact]
    public async Task A_term_over_the_law_in_force_is_refused_a_granted_renewal_extends_the_right_and_an_undecided_one_is_deemed_granted()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 5, 20, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var county = await api.AuthorityAsync("620923");
        var holder = await api.HolderAsync("zh-CN");
        var right = await RegisterAsync(authority, holder, "2024-09-01", "2025-08-31");
        var renewal = await RenewalIdAsync(holder.Client, right);
        // Its contract, entered now, gives it the geological data due 30 days before expiry (CN-GEODATA).
        await Api.ReadAsync(await authority.PostAsJsonAsync($"/api/rights/{right}/contract", new
        {
            number = "RN-" + Guid.NewGuid().ToString("N")[..8],
            signedOn = "2024-08-20",
            collection = "amount",
            totalIncome = 500_000m,
            clauses = new[] { new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", textEn = "Submit the results report", dueOn = "2025-08-15" } },
        }), HttpStatusCode.Created);
        Assert.Equal("2025-08-01", (await GeologicalDataAsync(holder.Client, right))["dueOn"]!.GetValue<string>());

        // On 20 May 2025 the old rules are in force: a renewal is at most 2 years.
        var tooLong = await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, renewal, "apply", new { termYears = 3, reason = "继续详查" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("CN-TERM", tooLong["ruleId"]!.GetValue<string>());
        Assert.Contains("at most 2 years", tooLong["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("open", (await RenewalAsync(holder.Client, right))["state"]!.GetValue<string>());
        await Api.ReadAsync(await SignalAsync(holder.Client, renewal, "apply", new { termYears = 2, reason = "继续详查" }), HttpStatusCode.OK);

        // A county officer sees it but does not decide; the registration authority grants it.
        Assert.Equal(HttpStatusCode.Forbidden, (await SignalAsync(county, renewal, "grant", new { findings = "同意" })).StatusCode);
        await Api.ReadAsync(await SignalAsync(authority, renewal, "grant", Formal.With(factory.Clock, new() { ["findings"] = "勘查工作正常" }, basis: "CN-RENEW")), HttpStatusCode.OK);
        Assert.Equal("2027-08-31", (await RightAsync(holder.Client, right))["expiresOn"]!.GetValue<string>());
        Assert.Equal("2027-08-01", (await GeologicalDataAsync(holder.Client, right))["dueOn"]!.GetValue<string>());
        var next = await RenewalAsync(holder.Client, right);
        Assert.NotEqual(renewal, next["id"]!.GetValue<string>());
        Assert.Equal("2027-08-01", next["dates"]!["applyBy"]!.GetValue<string>());
        await factory.DeliverAsync();
        Assert.Single(await MailDev.ArrivedAsync(holder.Email, "【准予延续】"), m => m.Subject.Contains("2027-08-31", StringComparison.Ordinal));

        // From 1 July 2025 the 2024 law allows 5 years; an authority silent until expiry has granted what was asked.
        factory.Clock.Set(TestClock.Shanghai(2025, 8, 1, 10));
        var other = await RegisterAsync(authority, holder, "2024-09-01", "2025-09-30");
        var otherRenewal = await RenewalIdAsync(holder.Client, other);
        await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, otherRenewal, "apply", new { termYears = 6, reason = "继续勘探" }), HttpStatusCode.UnprocessableEntity);
        await Api.ReadAsync(await SignalAsync(holder.Client, otherRenewal, "apply", new { termYears = 5, reason = "继续勘探" }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 9, 30, 23, 0));
        Assert.Equal("2025-09-30", (await RightAsync(holder.Client, other))["expiresOn"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 10, 1, 9, 30));
        Assert.Equal("2030-09-30", (await RightAsync(holder.Client, other))["expiresOn"]!.GetValue<string>());
        Assert.Equal("active", await StatusAsync(holder.Client, other));
    }

    [Fact]
    public async Task A_right_in_force_without_its_renewal_process_gets_one_from_the_daily_job_once_never_judged_before_it()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var holder = await api.HolderAsync();
        var right = await RegisterAsync(authority, holder, "2025-03-01", "2028-02-29");
        var ending = await RegisterAsync(authority, holder, "2023-03-21", "2025-03-20");
        var coverage = factory.Services.GetRequiredService<RenewalTracking>();
        Assert.Equal(0, await coverage.EnsureAllAsync(CancellationToken.None));

        // As rights registered before this release: their renewal processes are not there.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var ids = new[] { Guid.Parse(right), Guid.Parse(ending) };
            Assert.Equal(2, await db.WorkflowInstances.Where(i => ids.Contains(i.SubjectId) && i.DefinitionId == RenewalTracking.Workflow).ExecuteDeleteAsync());
        }

        Assert.Null(await FindRenewalAsync(holder.Client, right));
        Assert.Equal(2, await coverage.EnsureAllAsync(CancellationToken.None));
        Assert.Equal(0, await coverage.EnsureAllAsync(CancellationToken.None));
        var renewal = await FindRenewalAsync(holder.Client, right);
        Assert.NotNull(renewal);
        Assert.Equal("2028-01-30", renewal!["dates"]!["applyBy"]!.GetValue<string>());

        // CN-RENEW's day for the other (18 February) passed before the service tracked its renewal: it may apply until expiry.
        Assert.Equal("2025-03-20", (await FindRenewalAsync(holder.Client, ending))!["dates"]!["applyBy"]!.GetValue<string>());
    }

    private static async Task<string> RegisterAsync(HttpClient authority, TestHolder holder, string registeredOn, string expiresOn)
    {
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", new
        {
            licenseNumber = Api.NewLicenseNumber("T"),
            kind = "exploration",
            holderId = holder.Id,
            projectName = "马鬃山金矿普查",
            minerals = Gold,
            areaKm2 = 12.5m,
            locationCountyCode = "620923",
            authorityCode = "620000",
            transferMode = "listing",
            blankArea = true,
            registeredOn,
            expiresOn,
        }), HttpStatusCode.Created);
        return right["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> GeologicalDataAsync(HttpClient client, string right) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/obligations?rightId={right}&pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray()
            .Select(o => o!.AsObject()).Single(o => o["clause"]!.GetValue<string>() == "CN-GEODATA");

    private static async Task<JsonObject> RightAsync(HttpClient client, string right) =>
        await Api.ReadAsync(await client.GetAsync($"/api/rights/{right}"), HttpStatusCode.OK);

    private static async Task<string> StatusAsync(HttpClient client, string right) => (await RightAsync(client, right))["status"]!.GetValue<string>();

    /// <summary>The right's running renewal process, or its last one when none runs (a lapsed right's).</summary>
    private static async Task<JsonObject?> FindRenewalAsync(HttpClient client, string right)
    {
        var renewals = (await RightAsync(client, right))["workflows"]!.AsArray().Select(w => w!.AsObject())
            .Where(w => w["definitionId"]!.GetValue<string>() == RenewalTracking.Workflow).ToList();
        var chosen = renewals.FirstOrDefault(w => !w["finished"]!.GetValue<bool>()) ?? renewals.LastOrDefault();
        return chosen is null ? null : await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{chosen["instanceId"]}"), HttpStatusCode.OK);
    }

    private static async Task<JsonObject> RenewalAsync(HttpClient client, string right) =>
        await FindRenewalAsync(client, right) ?? throw new Xunit.Sdk.XunitException($"Right {right} has no renewal process.");

    private static async Task<string> RenewalIdAsync(HttpClient client, string right) => (await RenewalAsync(client, right))["id"]!.GetValue<string>();

    private static Task<HttpResponseMessage> SignalAsync(HttpClient client, string instance, string signal, object values) =>
        client.PostAsJsonAsync($"/api/workflows/instances/{instance}/signals/{signal}", new { values });

    private static async Task<List<MailDev.Mail>> MailsAsync(string email, string prefix) =>
        (await MailDev.ForAsync(email)).Where(m => m.Subject.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
