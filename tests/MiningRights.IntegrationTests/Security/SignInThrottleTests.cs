using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Guessing passwords is slow, and a stranger's guessing never locks the real user out: attempts are limited per address
/// and per user name (429 with Retry-After), wrong passwords pause only the address they come from, and the account
/// itself is never locked by anyone but an administrator.
/// </summary>
public sealed class SignInThrottleTests(ITestOutputHelper output)
{
    private const string Stranger = "203.0.113.66";
    private const string OtherStranger = "203.0.113.67";
    private const string Office = "198.51.100.20";

    [Fact]
    public async Task A_strangers_burst_of_300_sign_ins_over_100_names_is_throttled_with_429_Retry_After_and_a_problem()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: Limits(perAddress: 10, perName: 30));
        var names = Enumerable.Range(0, 99).Select(i => $"guess-{i:D2}").Append(ServiceFactory.AdminUser).ToList();
        var stranger = TestRemoteAddress.Client(factory, Stranger);

        // As the probe did: 300 attempts over 100 names, all at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Sessions.LoginAsync(stranger, names[i % names.Count], $"Guess-{i}-Passw0rd!")));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        var throttled = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(290, throttled.Count);
        foreach (var answer in throttled)
        {
            var problem = await ProblemAssert.ReadAsync(answer, HttpStatusCode.TooManyRequests);
            Assert.Equal("Too many sign-in attempts", problem["title"]!.GetValue<string>());
            Assert.Contains("登录尝试过多", problem["detailZh"]!.GetValue<string>(), StringComparison.Ordinal);
            var retryAfter = answer.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromSeconds(600), $"Retry-After: {answer.Headers.RetryAfter}");
        }

        // Ten passwords were checked, no more; the administrator, at the office, is not bothered.
        Assert.Equal(10, PasswordChecks(factory, Stranger));
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(TestRemoteAddress.Client(factory, Office), ServiceFactory.AdminUser)).StatusCode);
    }

    [Fact]
    public async Task The_real_user_signs_in_from_another_address_while_a_stranger_guesses_at_the_account_which_is_never_locked()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: Limits(perAddress: 10, perName: 30));
        var api = new Api(factory);
        var userName = await Sessions.AccountAsync(api, "Authority");
        var office = TestRemoteAddress.Client(factory, Office);
        var earlier = await Sessions.TokenAsync(office, userName);

        var stranger = TestRemoteAddress.Client(factory, Stranger);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            statuses.Add((await Sessions.LoginAsync(stranger, userName, $"Guess-{attempt}-Passw0rd!")).StatusCode);
        }

        // Ten attempts reach the service (five of them check a password), the thirty after are 429.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 30)), statuses);
        Assert.Equal(5, PasswordChecks(factory, Stranger));

        // Meanwhile, at the office: the session from before goes on, and a new sign-in succeeds.
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", earlier);
        await Api.ReadAsync(await office.SendAsync(me), HttpStatusCode.OK);
        var again = await Sessions.LoginAsync(office, userName);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByNameAsync(userName))!;
        Assert.False(await users.IsLockedOutAsync(account));
        Assert.Equal(0, account.AccessFailedCount);
    }

    [Fact]
    public async Task A_stranger_gets_five_password_checks_per_address_and_name_until_the_pause_ends_even_in_a_burst()
    {
        // Limits out of the way: this is the pause alone.
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: Limits(perAddress: 1000, perName: 1000));
        var api = new Api(factory);
        var userName = await Sessions.AccountAsync(api, "Authority");
        var stranger = TestRemoteAddress.Client(factory, Stranger);

        // Fifty guesses in turn, the sixth of them right: refused like the others, for the five before it paused the address.
        var problems = new List<string>();
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            var password = attempt == 6 ? ServiceFactory.Password : $"Guess-{attempt}-Passw0rd!";
            problems.Add(Sessions.WithoutTraceId(await ProblemAssert.ReadAsync(await Sessions.LoginAsync(stranger, userName, password), HttpStatusCode.Unauthorized)));
        }

        Assert.Single(problems.Distinct(StringComparer.Ordinal));
        Assert.Equal(5, PasswordChecks(factory, Stranger));

        // Thirty guesses sent at once from another address: five checks there too.
        var burst = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Sessions.LoginAsync(TestRemoteAddress.Client(factory, OtherStranger), userName, $"Burst-{i}-Passw0rd!")));
        Assert.All(burst, b => Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode));
        Assert.Equal(5, PasswordChecks(factory, OtherStranger));
        output.WriteLine($"Password checks of 80 guesses from two addresses in one pause: {PasswordChecks(factory, Stranger) + PasswordChecks(factory, OtherStranger)}");

        // The real user, elsewhere, signs in during the pause; the pause ends after its 15 minutes, not "for good".
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(TestRemoteAddress.Client(factory, Office), userName)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.LoginAsync(stranger, userName)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(stranger, userName)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_shows_too_many_attempts_as_its_message_in_both_languages_with_429_and_Retry_After()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: Limits(perAddress: 2, perName: 30));
        var browser = Sessions.Browser(factory, Stranger);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.PageSignInAsync(browser, ServiceFactory.AdminUser, "Not-the-Passw0rd!")).StatusCode);
        }

        var chinese = await Sessions.PageSignInAsync(browser, ServiceFactory.AdminUser, "Not-the-Passw0rd!");
        Assert.Equal(HttpStatusCode.TooManyRequests, chinese.StatusCode);
        Assert.True(chinese.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {chinese.Headers.RetryAfter}");
        var html = WebUtility.HtmlDecode(await chinese.Content.ReadAsStringAsync());
        Assert.Contains("id=\"sign-in-error\"", html, StringComparison.Ordinal);
        Assert.Contains("登录尝试过多", html, StringComparison.Ordinal);

        browser.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        var english = await Sessions.PageSignInAsync(browser, ServiceFactory.AdminUser, ServiceFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("Too many sign-in attempts", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>A ten-minute window, so that it cannot roll over in the middle of a test on a busy machine.</summary>
    private static Dictionary<string, string?> Limits(int perAddress, int perName) => new()
    {
        ["Accounts:SignInsPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Accounts:SignInsPerUserName"] = perName.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Accounts:SignInWindowSeconds"] = "600",
    };

    /// <summary>How many passwords the service checked for attempts from <paramref name="address"/>, read from its log.</summary>
    private static int PasswordChecks(ServiceFactory factory, string address) =>
        factory.Logs.Lines.Count(l => l.Contains($"from {address}: wrong password", StringComparison.Ordinal)
            || l.Contains($"from {address}: unknown user", StringComparison.Ordinal)
            || l.Contains($"Signed in (API): ", StringComparison.Ordinal) && l.EndsWith($" from {address}", StringComparison.Ordinal));
}
