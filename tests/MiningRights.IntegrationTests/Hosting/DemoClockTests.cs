using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;
using MiningRights.Rights;
using MiningRights.Scheduling;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>The demo clock lets an evaluator skip ahead in Development, and exists nowhere else.</summary>
public sealed class DemoClockTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(2);
    private static readonly string[] HolderContacts = ["clock@holders.test"];

    [Fact]
    public async Task In_the_Testing_environment_moving_the_clock_is_404_and_the_time_stays_where_it_was()
    {
        var start = TestClock.Shanghai(2025, 3, 1, 10);
        using var factory = new ServiceFactory(start);
        var api = new Api(factory);
        var admin = await api.AdminAsync();

        var problem = await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advanceDays = 30 }), HttpStatusCode.NotFound);
        Assert.Contains("Development", ProblemAssert.Detail(problem), StringComparison.Ordinal);

        var clock = await Api.ReadAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK);
        Assert.Equal(start, Now(clock));
        Assert.False(clock["adjustable"]!.GetValue<bool>());

        // The clock is an administrator's business only.
        var authority = await api.AuthorityAsync();
        await ProblemAssert.ReadDenialAsync(await authority.GetAsync("/api/admin/clock"), HttpStatusCode.Forbidden);
        await ProblemAssert.ReadDenialAsync(await authority.PostAsJsonAsync("/api/admin/clock", new { advanceDays = 30 }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task In_Production_moving_the_clock_is_404_and_the_service_keeps_the_system_time()
    {
        using var factory = new EnvironmentFactory("Production");
        var admin = await LoginAsync(factory);

        await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advanceDays = 30 }), HttpStatusCode.NotFound);
        await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { to = DateTimeOffset.UtcNow.AddYears(1) }), HttpStatusCode.NotFound);

        var clock = await Api.ReadAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK);
        AssertNear(DateTimeOffset.UtcNow, Now(clock));
        Assert.Equal(0, clock["offsetDays"]!.GetValue<double>());
        Assert.False(clock["adjustable"]!.GetValue<bool>());
    }

    [Fact]
    public void In_Production_a_clock_offset_setting_stops_the_start_instead_of_being_ignored()
    {
        using var factory = new EnvironmentFactory("Production", new Dictionary<string, string?> { ["Demo:ClockOffsetDays"] = "5" });

        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Demo:ClockOffsetDays", thrown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_an_administrator_moves_the_clock_forward_never_back_and_the_jobs_run_at_once()
    {
        using var factory = new EnvironmentFactory("Development", new Dictionary<string, string?> { ["Demo:ClockOffsetDays"] = "2" });
        var admin = await LoginAsync(factory);

        var clock = await Api.ReadAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK);
        AssertNear(DateTimeOffset.UtcNow.AddDays(2), Now(clock));
        Assert.True(clock["adjustable"]!.GetValue<bool>());

        // A registration dated ten days ahead of the service's today is in the future ...
        var today = ProvinceCalendar.China.DateAt(Now(clock));
        var holderId = await HolderAsync(admin);
        var right = RequestBody.Edit(Api.ExplorationRight(holderId, today.AddDays(10), transferMode: "agreement", blankArea: false), b => b["deferral"] = null);
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/rights", right), HttpStatusCode.BadRequest), "registeredOn");

        // Neither job is on a schedule here (Jobs:*Seconds 0): whatever runs of them there are, the move asked for.
        Assert.Empty(JobRuns.Succeeded<DeadlineSweepJob>(factory.Services));
        var moved = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advanceDays = 30 }), HttpStatusCode.OK);
        AssertNear(DateTimeOffset.UtcNow.AddDays(32), Now(moved));
        Assert.Equal(32, moved["offsetDays"]!.GetValue<double>(), 2);

        // ... and after the move it is not: the service's rules run on the moved clock.
        await Api.ReadAsync(await admin.PostAsJsonAsync("/api/rights", right), HttpStatusCode.Created);

        // The sweep and the delivery ran on the move.
        await JobRuns.WaitForAsync<DeadlineSweepJob>(factory.Services);
        await JobRuns.WaitForAsync<OutboxDeliveryJob>(factory.Services);

        var before = Now(await Api.ReadAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK));
        var back = await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { to = before.AddDays(-1) }), HttpStatusCode.BadRequest);
        Assert.Contains("never goes backwards", ProblemAssert.Errors(back, "to")["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advanceDays = -1 }), HttpStatusCode.BadRequest), "advanceDays");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { }), HttpStatusCode.BadRequest), "advanceDays");
        Assert.True(Now(await Api.ReadAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK)) >= before);

        var target = new DateTimeOffset(before.Year + 1, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var to = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { to = target.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) }), HttpStatusCode.OK);
        AssertNear(target, Now(to));
    }

    private static DateTimeOffset Now(JsonObject clock) =>
        DateTimeOffset.Parse(clock["now"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True((actual - expected).Duration() < Slack, $"Expected about {expected:O}, got {actual:O}");

    private static async Task<HttpClient> LoginAsync(EnvironmentFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await Api.ReadAsync(
            await client.PostAsJsonAsync("/api/auth/login", new { userName = EnvironmentFactory.AdminUser, password = ServiceFactory.Password }),
            HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
        return client;
    }

    private static async Task<Guid> HolderAsync(HttpClient admin)
    {
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '7');
        var holder = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", new
        {
            creditCode = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{digits}"),
            nameZh = "时钟矿业有限公司",
            nameEn = "Clock Mining Co., Ltd.",
            language = "en",
            contactEmails = HolderContacts,
        }), HttpStatusCode.Created);
        return Guid.Parse(holder["id"]!.GetValue<string>());
    }
}
