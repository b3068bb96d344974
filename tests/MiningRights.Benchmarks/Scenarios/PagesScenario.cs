using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiningRights.Benchmarks.Harness;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// How fast the pages answer on the demo data, as a newcomer's run command starts the service: one process of the built
/// service in Development on its embedded SQLite with the demo seeded, each role signed in through the sign-in form, each
/// role's pages requested one after another (after a warm-up) and timed from request to the last byte. The run's figure
/// is the slowest page's median; the note gives every page's median and 95th percentile. Every answer must be 200.
/// </summary>
public sealed partial class PagesScenario : IBenchmarkScenario
{
    public string Name => "pages";

    public string Unit => "requests a page";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [3] : [50];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), $"mr-pages-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            await using var node = ServiceNode.Start(context.RepositoryRoot, "pages", new Dictionary<string, string>
            {
                ["Storage__DataDirectory"] = data,
                ["Demo__Seed"] = "true",
                ["Database__Provider"] = "Sqlite",
            }, environment: "Development");
            await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(120), cancellationToken);
            var address = node.Address ?? throw new InvalidOperationException($"The node did not say where it listens:{Environment.NewLine}{node.Log}");
            var password = (await File.ReadAllTextAsync(Path.Combine(data, "demo-password.txt"), cancellationToken)).Trim();

            var timings = new List<(string Page, TimeSpan Median, TimeSpan P95)>();
            foreach (var (user, pages) in await PagesAsync(address, password, cancellationToken))
            {
                foreach (var page in pages)
                {
                    timings.Add(await TimeAsync(user.Client, user.Name, page, size, cancellationToken));
                }

                user.Client.Dispose();
            }

            var slowest = timings.MaxBy(t => t.Median);
            return new Measurement(slowest.Median, timings.Count,
                string.Join("; ", timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Page} {t.Median.TotalMilliseconds:0.0}/{t.P95.TotalMilliseconds:0.0} ms"))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Each demo role signed in, with the pages it works on (a right's page: the first right it sees).</summary>
    private static async Task<List<((string Name, HttpClient Client) User, string[] Pages)>> PagesAsync(Uri address, string password, CancellationToken ct)
    {
        var holder = await SignInAsync(address, "holder", password, ct);
        var authority = await SignInAsync(address, "authority", password, ct);
        var inspector = await SignInAsync(address, "inspector", password, ct);
        var admin = await SignInAsync(address, "admin", password, ct);
        var anonymous = new HttpClient { BaseAddress = address };
        var right = (await holder.GetFromJsonAsync<JsonObject>("/api/rights", ct))!["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var cases = (await inspector.GetFromJsonAsync<JsonObject>("/api/cases", ct))!["items"]!.AsArray();
        var casePage = cases.Count > 0 ? $"/cases/{cases[0]!["id"]}" : "/inspector/cases";
        return
        [
            (("public", anonymous), ["/announcements", "/sign-in"]),
            (("holder", holder), ["/holder/deadlines", "/holder/rights", "/holder/notices", $"/rights/{right}"]),
            (("authority", authority), ["/officer/queue", "/listing", $"/rights/{right}", "/workflows", "/workflows/exploration-plan-deferral/1"]),
            (("inspector", inspector), ["/inspector/cases", casePage]),
            (("admin", admin), ["/admin"]),
        ];
    }

    /// <summary>A client with its own cookies, signed in through the sign-in form as a person is.</summary>
    internal static async Task<HttpClient> SignInAsync(Uri address, string user, string password, CancellationToken ct, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };
        var form = await client.GetStringAsync("/sign-in", ct);
        var token = AntiforgeryField().Match(form) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("The sign-in form has no antiforgery token.");
        using var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{user} did not sign in: {(int)signIn.StatusCode}.");
        }

        return client;
    }

    private static async Task<(string Page, TimeSpan Median, TimeSpan P95)> TimeAsync(HttpClient client, string role, string page, int requests, CancellationToken ct)
    {
        for (var warm = 0; warm < 3; warm++)
        {
            await GetAsync(client, page, ct);
        }

        var times = new List<TimeSpan>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, page, ct);
            times.Add(watch.Elapsed);
        }

        times.Sort();
        var label = Regex.Replace(page, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        return ($"{role} {label}", times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    private static async Task GetAsync(HttpClient client, string page, CancellationToken ct)
    {
        using var response = await client.GetAsync(page, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
