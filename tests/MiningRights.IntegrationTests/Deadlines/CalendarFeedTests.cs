using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Deadlines;

/// <summary>
/// A holder's deadlines as an iCalendar feed at a secret address: a calendar application reads it without signing in;
/// each deadline is one all-day event on its due day with a stable UID, the rule and a link; a rotated address stops
/// working at once; another holder's deadlines are never in it; an unknown address is 404.
/// </summary>
public sealed class CalendarFeedTests
{
    [Fact]
    public async Task The_feed_holds_the_holder_s_deadlines_as_events_with_stable_UIDs_and_a_rotated_address_is_gone()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var holder = await api.HolderAsync("zh-CN");
        var other = await api.HolderAsync();
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var foreign = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(other.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);

        var address = (await Api.ReadAsync(await holder.Client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK))["url"]!.GetValue<string>();
        Assert.Equal(address, (await Api.ReadAsync(await holder.Client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK))["url"]!.GetValue<string>());
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var feed = await response.Content.ReadAsStringAsync();

        var events = Events(feed);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", feed, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        // The plan (GS-9d, a year after registration) and the renewal application (CN-RENEW, 30 days before expiry).
        var plan = Assert.Single(events, e => e["SUMMARY"].StartsWith("[GS-9d]", StringComparison.Ordinal));
        Assert.Equal("20260301", plan["DTSTART;VALUE=DATE"]);
        Assert.Equal("20260302", plan["DTEND;VALUE=DATE"]);
        Assert.EndsWith($"/rights/{right["id"]}", plan["URL"], StringComparison.Ordinal);
        Assert.Contains(right["licenseNumber"]!.GetValue<string>(), plan["SUMMARY"], StringComparison.Ordinal);
        Assert.Single(events, e => e["SUMMARY"].StartsWith("[CN-RENEW]", StringComparison.Ordinal));
        Assert.DoesNotContain(foreign["licenseNumber"]!.GetValue<string>(), feed, StringComparison.Ordinal);
        Assert.All(feed.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        // Read again later: the same events under the same UIDs, so a calendar updates rather than duplicates.
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 2, 10));
        var again = Events(await anonymous.GetStringAsync(new Uri(address).PathAndQuery));
        Assert.Equal(events.Select(e => e["UID"]).Order(StringComparer.Ordinal), again.Select(e => e["UID"]).Order(StringComparer.Ordinal));

        // Rotated: the old address is gone at once, the new one works.
        var rotated = (await Api.ReadAsync(await holder.Client.PostAsync("/api/holders/me/calendar/rotate", null), HttpStatusCode.OK))["url"]!.GetValue<string>();
        Assert.NotEqual(address, rotated);
        await ProblemAssert.ReadAsync(await anonymous.GetAsync(new Uri(address).PathAndQuery), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(rotated).PathAndQuery)).StatusCode);
        await ProblemAssert.ReadAsync(await anonymous.GetAsync("/calendar/not-a-token-of-anyone-at-all.ics"), HttpStatusCode.NotFound);
        await ProblemAssert.ReadAsync(await authority.GetAsync("/api/holders/me/calendar"), HttpStatusCode.Forbidden);
    }

    /// <summary>The events of a feed, unfolded, each as its properties (name with parameters → value).</summary>
    [Fact]
    public async Task The_feed_of_a_holder_whose_accounts_are_all_locked_or_deleted_answers_404()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var holder = await api.HolderAsync("zh-CN");
        var feed = new Uri((await Api.ReadAsync(await holder.Client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK))["url"]!.GetValue<string>()).PathAndQuery;
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feed)).StatusCode);

        var accounts = (await admin.GetFromJsonAsync<JsonArray>("/api/accounts"))!
            .Where(a => a!["holderId"]?.GetValue<string>() == holder.Id.ToString()).Select(a => a!["id"]!.GetValue<string>()).ToList();
        var account = Assert.Single(accounts);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{account}/lock", null)).StatusCode);
        await ProblemAssert.ReadAsync(await anonymous.GetAsync(feed), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{account}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feed)).StatusCode);

        // No account at all (deleted behind the service's back, or never made): the same 404.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MiningRights.Data.ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(account))!)).Succeeded);
        }

        await ProblemAssert.ReadAsync(await anonymous.GetAsync(feed), HttpStatusCode.NotFound);
    }

    private static List<Dictionary<string, string>> Events(string feed)
    {
        var lines = feed.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current[line[..colon]] = line[(colon + 1)..];
            }
        }

        return events;
    }
}
