using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// The officers' overview (<c>/officer/overview</c>) on a province of N rights (100,000 by default, see
/// <see cref="OverviewWorld"/>): one process of the built service in Production on that database, a province authority
/// and a county inspector signed in, each page (the province, a city, a county) requested one after another after a
/// warm-up and timed from request to the last byte on this machine's loopback, which bounds the page's server time
/// from above. The run's figure is the slowest page's median; the note gives each page's median and 95th percentile, and
/// the service process's processor time per request (which the load of other processes on the machine does not inflate
/// as it does the wall time; on PostgreSQL the database server's own time is not in it). Every answer must be 200 and
/// show the rights it counted.
/// </summary>
public sealed class OverviewScenario : IBenchmarkScenario
{
    private const string Password = "Overview-bench-2026!";

    public string Name => "overview";

    public string Unit => "rights";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [1000] : settings.Rights ?? [100_000];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var requests = context.Settings.Smoke ? 3 : 50;
        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        await OverviewWorld.SeedAsync(service, size, DateTime.UtcNow, cancellationToken);
        if (context.Settings.OnPostgres)
        {
            // Where autovacuum brings a bulk-loaded table within its first minute (the visibility map that lets the
            // indexes answer alone, and the planner's statistics), rather than measuring the minute after the load.
            using var scope = service.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MiningRights.Data.MiningRightsDbContext>().Database.ExecuteSqlRawAsync("VACUUM ANALYZE", cancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var node = ServiceNode.Start(context.RepositoryRoot, "overview", service.NodeSettings(context.Settings.OnPostgres, "overview-admin", Password));
        await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(120), cancellationToken);
        var address = node.Address ?? throw new InvalidOperationException($"The node did not say where it listens:{Environment.NewLine}{node.Log}");

        using var admin = await LoadScenario.SignInAsync(address, "overview-admin", Password, cancellationToken);
        var timings = new List<(string Page, TimeSpan Median, TimeSpan P95, TimeSpan Processor)>();
        foreach (var (role, jurisdiction, pages) in new[]
        {
            ("Authority", "620000", new[] { "/officer/overview", "/officer/overview?place=620900", "/officer/overview?place=620923" }),
            ("Inspector", "620923", new[] { "/officer/overview" }),
        })
        {
            var userName = $"overview-{role.ToLowerInvariant()}-{jurisdiction}";
            using (var created = await admin.PostAsJsonAsync("/api/accounts", new { userName, password = Password, role, displayName = userName, jurisdictionCode = jurisdiction }, cancellationToken))
            {
                if (!created.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Account {userName} was not created: {(int)created.StatusCode}.");
                }
            }

            using var client = await LoadScenario.SignInAsync(address, userName, Password, cancellationToken);
            foreach (var page in pages)
            {
                timings.Add(await TimeAsync(node, client, $"{role.ToLowerInvariant()} {jurisdiction} {page}", page, requests, cancellationToken));
            }
        }

        var slowest = timings.MaxBy(t => t.Median);
        return new Measurement(slowest.Median, size,
            string.Join("; ", timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Page} {t.Median.TotalMilliseconds:0.0}/{t.P95.TotalMilliseconds:0.0} ms (median/p95), service CPU {t.Processor.TotalMilliseconds:0.0} ms a request"))));
    }

    private static async Task<(string Page, TimeSpan Median, TimeSpan P95, TimeSpan Processor)> TimeAsync(ServiceNode node, HttpClient client, string label, string page, int requests, CancellationToken ct)
    {
        // Enough for the methods of the page to be compiled at their final tier before the timing starts.
        for (var warm = 0; warm < 30; warm++)
        {
            await GetAsync(client, page, ct);
        }

        var times = new List<TimeSpan>();
        var processorBefore = node.ProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(client, page, ct);
            times.Add(watch.Elapsed);
        }

        var processor = (node.ProcessorTime - processorBefore) / requests;
        times.Sort();
        return (label, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], processor);
    }

    private static async Task GetAsync(HttpClient client, string page, CancellationToken ct)
    {
        using var response = await client.GetAsync(page, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("id=\"rights-total\"", StringComparison.Ordinal) || body.Contains("id=\"rights-total\">0<", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without the rights it should count.");
        }
    }
}
