using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Sign-in tells nobody which user names exist: an unknown name, a wrong password, a locked account and an address paused
/// after repeated failures get the same answer (status, title, detail), and an unknown name takes as long to refuse as a
/// wrong password, because both cost one password hash.
/// </summary>
public sealed class UserEnumerationTests(ITestOutputHelper output)
{
    private const int Tries = 50;

    [Fact]
    public async Task An_unknown_user_a_wrong_password_a_locked_account_and_a_paused_address_get_the_same_answer()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var known = await Sessions.AccountAsync(api, "Authority");
        var locked = await Sessions.AccountAsync(api, "Inspector");
        var admin = await api.AdminAsync();
        var lockedId = (await admin.GetFromJsonAsync<JsonArray>("/api/accounts"))!
            .Single(a => a!["userName"]!.GetValue<string>() == locked)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{lockedId}/lock", null)).StatusCode);

        var wrongPassword = await RefusalAsync(factory, "192.0.2.1", known, "Not-the-Passw0rd!");
        var unknownUser = await RefusalAsync(factory, "192.0.2.2", "nobody-by-this-name", "Not-the-Passw0rd!");
        var lockedAccount = await RefusalAsync(factory, "192.0.2.3", locked, ServiceFactory.Password);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await RefusalAsync(factory, "192.0.2.4", known, "Not-the-Passw0rd!");
        }

        var pausedRightPassword = await RefusalAsync(factory, "192.0.2.4", known, ServiceFactory.Password);

        Assert.Equal("Sign-in failed", JsonNode.Parse(wrongPassword)!["title"]!.GetValue<string>());
        Assert.Equal(wrongPassword, unknownUser);
        Assert.Equal(wrongPassword, lockedAccount);
        Assert.Equal(wrongPassword, pausedRightPassword);
    }

    [Fact]
    public async Task An_unknown_user_takes_about_as_long_to_refuse_as_a_wrong_password()
    {
        // No pause and no throttle in the way: every try checks a password (or would have to).
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: new Dictionary<string, string?> { ["Accounts:MaxFailedLogins"] = "1000" });
        var api = new Api(factory);
        var known = await Sessions.AccountAsync(api, "Authority");
        var client = TestRemoteAddress.Client(factory, "192.0.2.10");
        await TimeAsync(client, known);
        await TimeAsync(client, "nobody-by-this-name");

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            knownTimes.Add(await TimeAsync(client, known));
            unknownTimes.Add(await TimeAsync(client, $"nobody-{i}"));
        }

        var knownMedian = Median(knownTimes);
        var unknownMedian = Median(unknownTimes);
        output.WriteLine($"median over {Tries} tries: wrong password {knownMedian:F1} ms, unknown user {unknownMedian:F1} ms");

        // Loose on purpose: the machine is shared. Before, the unknown user answered some twenty times faster.
        Assert.True(Math.Max(knownMedian, unknownMedian) < 3 * Math.Min(knownMedian, unknownMedian),
            $"median: wrong password {knownMedian:F1} ms, unknown user {unknownMedian:F1} ms");
    }

    private static async Task<string> RefusalAsync(ServiceFactory factory, string address, string userName, string password) =>
        Sessions.WithoutTraceId(await ProblemAssert.ReadAsync(await Sessions.LoginAsync(TestRemoteAddress.Client(factory, address), userName, password), HttpStatusCode.Unauthorized));

    private static async Task<double> TimeAsync(HttpClient client, string userName)
    {
        var clock = Stopwatch.StartNew();
        using var answer = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Not-the-Passw0rd!" });
        clock.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
