using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// The administrators' view of the scheduler: every job with its schedule and next fire time, "run now", and each run
/// recorded (start, duration, items, outcome) whatever the job, by one listener.
/// </summary>
public sealed class JobBoardTests
{
    private static readonly string[] Jobs = ["audit-seal", "deadline-sweep", "outbox-delivery", "performance-evaluation", "quarterly-verification", "renewal-coverage"];

    [Fact]
    public async Task Each_job_is_listed_with_its_schedule_run_now_records_the_run_and_only_administrators_may()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 10));
        var api = new Api(factory);
        await factory.WaitUntilHealthyAsync();
        var admin = await api.AdminAsync();
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        // Something for the sweep to do: a right registered a year ago has its plan deadline passed.
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);

        var jobs = await JobsAsync(admin);
        Assert.Equal(Jobs, jobs.Select(j => j["name"]!.GetValue<string>()));
        Assert.Equal("every 3600 s", Job(jobs, "deadline-sweep")["schedule"]!.GetValue<string>());
        Assert.Contains("cron 0 0 0 1 1 ? 2099 (Asia/Shanghai)", Job(jobs, "renewal-coverage")["schedule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(Job(jobs, "deadline-sweep")["nextFireAtUtc"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await authority.PostAsync("/api/admin/jobs/deadline-sweep/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await authority.GetAsync("/api/admin/jobs")).StatusCode);
        await ProblemAssert.ReadAsync(await admin.PostAsync("/api/admin/jobs/no-such-job/run", null), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/jobs/deadline-sweep/run", null)).StatusCode);
        var run = await FirstRunAsync(admin, "deadline-sweep");
        Assert.Equal("succeeded", run["outcome"]!.GetValue<string>());
        Assert.True(run["items"]!.GetValue<int>() >= 1, run.ToJsonString());
        Assert.True(run["durationMs"]!.GetValue<long>() >= 0);
        Assert.False(string.IsNullOrEmpty(run["node"]!.GetValue<string>()));

        // Run again with nothing due: recorded too, with nothing handled.
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/admin/jobs/deadline-sweep/run", null)).StatusCode);
        var runs = await RunsAsync(admin, "deadline-sweep", 2);
        Assert.Equal(0, runs[0]["items"]!.GetValue<int>());
    }

    private static async Task<List<JsonObject>> JobsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonArray>("/api/admin/jobs"))!.Select(j => j!.AsObject()).ToList();

    private static JsonObject Job(List<JsonObject> jobs, string name) => jobs.Single(j => j["name"]!.GetValue<string>() == name);

    private static async Task<JsonObject> FirstRunAsync(HttpClient admin, string job) => (await RunsAsync(admin, job, 1))[^1];

    /// <summary>The job's runs, newest first, once there are at least <paramref name="count"/>.</summary>
    private static async Task<List<JsonObject>> RunsAsync(HttpClient admin, string job, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var runs = Job(await JobsAsync(admin), job)["runs"]!.AsArray().Select(r => r!.AsObject()).ToList();
            if (runs.Count >= count)
            {
                return runs;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {count} runs of {job} recorded in 10 s.");
    }
}
