using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// The job scheduler's dashboard at /admin/jobs: every job with its schedule, "trigger now" and each run with its result,
/// for administrators only, behind the service's own sign-in.
/// </summary>
public sealed partial class JobDashboardTests
{
    private static readonly string[] Jobs = ["audit-seal", "deadline-sweep", "outbox-delivery", "performance-evaluation", "quarterly-verification", "renewal-coverage"];

    [Fact]
    public async Task Each_job_is_listed_with_its_schedule_a_triggered_run_shows_what_it_handled_and_only_administrators_may()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 10));
        var api = new Api(factory);
        await factory.WaitUntilHealthyAsync();
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        var officer = await Sessions.AccountAsync(api, "Authority");

        // Something for the sweep to do: a right registered a year ago has its plan deadline passed.
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);

        // Anonymous readers are sent to sign in; other roles are refused, by token and by page session alike.
        var anonymous = Sessions.Browser(factory, "10.24.0.1");
        var redirected = await anonymous.GetAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/sign-in", redirected.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await authority.GetAsync("/admin/jobs/recurring")).StatusCode);
        var officerPages = Sessions.Browser(factory, "10.24.0.2");
        await Sessions.PageSignInAsync(officerPages, officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerPages.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerPages.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", DeadlineSweepJob.Id)]))).StatusCode);
        Assert.Empty(JobRuns.Succeeded<DeadlineSweepJob>(factory.Services));

        // The administrator's page links to the dashboard, which lists every job with its schedule (in Asia/Shanghai).
        var admin = Sessions.Browser(factory, "10.24.0.3");
        await Sessions.PageSignInAsync(admin, ServiceFactory.AdminUser);
        Assert.Contains("href=\"/admin/jobs/recurring\"", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);
        var recurring = await admin.GetStringAsync("/admin/jobs/recurring");
        foreach (var job in Jobs)
        {
            Assert.Contains(job, recurring, StringComparison.Ordinal);
        }

        Assert.Contains("期限巡检（提醒与到期） / Deadline sweep (reminders and expiries)", recurring, StringComparison.Ordinal);
        Assert.Contains("0 0 31 2 *", recurring, StringComparison.Ordinal);
        Assert.Contains("Asia/Shanghai", recurring, StringComparison.Ordinal);

        // In the reader's language: Chinese unless the browser asks for English.
        Assert.Contains("<html lang=\"zh\">", recurring, StringComparison.Ordinal);
        using (var english = new HttpRequestMessage(HttpMethod.Get, "/admin/jobs/recurring"))
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            Assert.Contains("<html lang=\"en\">", await (await admin.SendAsync(english)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // "Trigger now" from the dashboard, as its page posts it (with the antiforgery token the page carries).
        await TriggerAsync(admin, recurring, DeadlineSweepJob.Id);
        var first = Assert.Single(await JobRuns.WaitForAsync<DeadlineSweepJob>(factory.Services));
        Assert.Matches(@"^""[1-9]\d* handled / 处理 [1-9]\d* 项""$", first.Result?.ToString());

        // Again, with nothing due: a run too, that handled nothing; both are listed with their results.
        await TriggerAsync(admin, recurring, DeadlineSweepJob.Id);
        var runs = await JobRuns.WaitForAsync<DeadlineSweepJob>(factory.Services, 2);
        Assert.Equal("\"0 handled / 处理 0 项\"", runs[0].Result?.ToString());
        var succeeded = await admin.GetStringAsync("/admin/jobs/jobs/succeeded");
        Assert.Equal(2, Regex.Count(succeeded, "Deadline sweep \\(reminders and expiries\\)"));
    }

    private static async Task TriggerAsync(HttpClient admin, string page, string job)
    {
        var header = CsrfHeader().Match(page).Groups["value"].Value;
        var token = CsrfToken().Match(page).Groups["value"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/jobs/recurring/trigger") { Content = new FormUrlEncodedContent([new("jobs[]", job)]) };
        request.Headers.Add(header, token);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(request)).StatusCode);
    }

    [GeneratedRegex(@"<meta name=""csrf-header"" content=""(?<value>[^""]+)"">")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex(@"<meta name=""csrf-token"" content=""(?<value>[^""]+)"">")]
    private static partial Regex CsrfToken();
}
