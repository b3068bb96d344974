using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// The block pool page (<c>/listing</c>) under the outside probe of issue 21: N blocks (190 by default) added by an
/// authority officer through the intake, each with <c>--corners</c> corners (拐点), whose bounding boxes all overlap one
/// another, so that every pair of them is a candidate for an overlap; their interiors do not, or the intake would refuse
/// them. Each is a thin strip along the same diagonal with zig-zag edges. Then one right in force whose ground was
/// imported from before the service (written to the database directly, as the browser test does) crosses every strip:
/// N real overlaps for the page to draw in red. One process of the built service in Production on that database; an
/// authority officer of the province signed in through the sign-in form views <c>/listing</c> <c>--views</c> times one
/// after another, then <c>--clients</c> (16) officers view it <c>--views</c> times each all at once while
/// <c>/health</c> is asked every 50 ms: each as soon as it has the last (a closed loop), or with <c>--pause-ms</c> after
/// each view as a person reading it would. Each officer is a browser: it fetches the map the page names unless it holds
/// it already (the service says it may keep it). Every view must be 200 with N blocks and N overlaps on it, every map N
/// blocks and N overlaps, every <c>/health</c> 200. The run's figure is the parallel phase; the note has the latencies
/// to the last byte, the map's apart.
/// </summary>
public sealed partial class ListingScenario : IBenchmarkScenario
{
    private const int DefaultClients = 16;
    private const int DefaultViews = 50;
    private const string Password = "Listing-bench-2026!";
    private const string County = "620923";
    private const string Province = "620000";

    // The strips run along the diagonal from (95.0, 41.0) for 0.2° of longitude (about 17 km at 41°N).
    private const double West = 95.0;
    private const double South = 41.0;
    private const double Length = 0.2;

    public string Name => "listing";

    public string Unit => "blocks";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [5] : settings.Blocks ?? [190];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        // At the cap by default (the probe's 2,000 was the most the intake took before there was one).
        var corners = settings.Smoke ? 20 : settings.Corners ?? new ListingOptions().MaxCorners;
        var pause = settings.PauseMilliseconds;
        var views = settings.Smoke ? 3 : settings.Views ?? DefaultViews;
        var clients = settings.Smoke ? 4 : settings.Clients ?? DefaultClients;

        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        var intake = await AddStripsAsync(service, size, corners, cancellationToken);
        await ImportCrossingRightAsync(service, size, cancellationToken);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var started = Stopwatch.StartNew();
        await using var node = ServiceNode.Start(context.RepositoryRoot, "listing", service.NodeSettings(settings.OnPostgres, "listing-admin", Password));
        await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(600), cancellationToken);
        var startUp = started.Elapsed;
        var address = node.Address ?? throw new InvalidOperationException($"The node did not say where it listens:{Environment.NewLine}{node.Log}");
        await CreateOfficerAsync(address, cancellationToken);

        var officers = new List<Officer>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                officers.Add(new Officer(await PagesScenario.SignInAsync(address, "listing-officer", Password, cancellationToken, TimeSpan.FromMinutes(5)), size));
            }

            // The first view builds the map; the warm-up views then find it in the service's cache.
            await officers[0].ViewAsync(cancellationToken);
            var firstMap = officers[0].MapLatencies[0];
            for (var warm = 0; warm < 3; warm++)
            {
                await officers[0].ViewAsync(cancellationToken);
            }

            var sequential = new List<long>();
            for (var i = 0; i < views; i++)
            {
                sequential.Add(await officers[0].ViewAsync(cancellationToken));
            }

            using var health = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
            using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var healthPoll = PollHealthAsync(health, polling.Token);
            var clock = Stopwatch.StartNew();
            var parallel = await Task.WhenAll(officers.Select(async officer =>
            {
                var latencies = new List<long>();
                for (var i = 0; i < views; i++)
                {
                    // The first views are spread over one pause, so that the officers do not all start at one instant.
                    if (pause > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(pause * (i == 0 ? Random.Shared.NextDouble() : 0.5 + Random.Shared.NextDouble())), cancellationToken);
                    }

                    latencies.Add(await officer.ViewAsync(cancellationToken));
                }

                return latencies;
            }));
            clock.Stop();
            await polling.CancelAsync();
            var (healthLatencies, healthFailures) = await healthPoll;
            var all = parallel.SelectMany(l => l).ToList();
            var maps = officers.Skip(1).SelectMany(o => o.MapLatencies).ToList();
            var note = string.Create(CultureInfo.InvariantCulture,
                $"{size} blocks of {corners} corners, {size} overlaps; intake of the last block {intake.Last.TotalMilliseconds:0} ms, all {intake.All.TotalSeconds:0.0} s; " +
                $"service start {startUp.TotalSeconds:0.0} s; page {officers[0].PageBytes / 1024.0:0} KiB, map {officers[0].MapBytes / 1024.0:0} KiB, " +
                $"the map's first fetch (written) {Milliseconds(firstMap):0.0} ms; " +
                $"/listing one at a time ({views}): {Latencies(sequential)}; {clients} at once{(pause > 0 ? $", each pausing {pause} ms on average" : ", closed loop")} " +
                $"({all.Count}, {all.Count / clock.Elapsed.TotalSeconds:0.0} views/s): {Latencies(all)}; " +
                $"the map fetched meanwhile by each other officer once ({maps.Count}, from the service's cache): {Latencies(maps)}; " +
                $"/health meanwhile ({healthLatencies.Count}, {healthFailures.Count} not 200): {Latencies(healthLatencies)}");
            if (healthFailures.Count > 0)
            {
                throw new InvalidOperationException($"/health failed {healthFailures.Count} times while the page was viewed, first: {healthFailures[0]}. {note}");
            }

            return new Measurement(clock.Elapsed, all.Count, note);
        }
        finally
        {
            foreach (var officer in officers)
            {
                officer.Http.Dispose();
            }
        }
    }

    /// <summary>
    /// Strip <paramref name="index"/> of <paramref name="count"/>: a band along the diagonal y − x = offset, its lower
    /// edge out and its upper edge back, each zig-zagging across a tenth of the spacing so that every corner is a real
    /// one. The bands are spaced so that all of them fit within the length: each one's box overlaps every other's.
    /// </summary>
    public static double[][] Strip(int index, int count, int corners)
    {
        var spacing = Length / (count + 10);
        var (offset, width, zig) = (index * spacing, spacing * 0.4, spacing * 0.1);
        var outward = corners / 2;
        var back = corners - outward;
        var ring = new List<double[]>(corners + 1);
        for (var k = 0; k < outward; k++)
        {
            var x = Length * k / (outward - 1);
            ring.Add([West + x, South + x + offset - (k % 2 == 1 ? zig : 0)]);
        }

        for (var k = 0; k < back; k++)
        {
            var x = Length * (1 - ((double)k / (back - 1)));
            ring.Add([West + x, South + x + offset + width + (k % 2 == 1 ? zig : 0)]);
        }

        ring.Add(ring[0]);
        return [.. ring];
    }

    /// <summary>A parallelogram across the middle tenth of every strip: one real overlap with each.</summary>
    public static double[][] Crossing(int count)
    {
        var spacing = Length / (count + 10);
        var (low, high) = (-spacing / 2, ((count - 1) * spacing) + spacing);
        var (from, to) = (Length * 0.45, Length * 0.55);
        return
        [
            [West + from, South + from + low],
            [West + to, South + to + low],
            [West + to, South + to + high],
            [West + from, South + from + high],
            [West + from, South + from + low],
        ];
    }

    /// <summary>The blocks through the intake use case, as an officer's requests would add them, one request each.</summary>
    private static async Task<(TimeSpan Last, TimeSpan All)> AddStripsAsync(BenchmarkService service, int count, int corners, CancellationToken ct)
    {
        var officer = new Actor("listing-bench", [Roles.Authority], null, Province) { Id = "listing-bench" };
        var all = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            await using var scope = service.Services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<AddBlock>().HandleAsync(new AddBlock.Request(
                $"条带 {i + 1}", [i % 3 == 0 ? "金" : "石灰岩"], County, Province, RightKind.Exploration, false, Strip(i, count, corners),
                false, null, false, null), officer, ct);
            last = watch.Elapsed;
        }

        return (last, all.Elapsed);
    }

    /// <summary>A right in force with its ground written straight into the database, as ground from before the service is.</summary>
    private static async Task ImportCrossingRightAsync(BenchmarkService service, int count, CancellationToken ct)
    {
        await RightsWorld.SeedAsync(service, rights: 1, due: 0, holders: 1, DateTime.UtcNow, ct);
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var right = await db.Rights.SingleAsync(ct);
        db.Footprints.Add(Footprint.Of(Footprint.RightOwner, right.Id,
            BlockPolygon.FromCorners(Crossing(count).Select(c => (IReadOnlyList<double>)c).ToList())));
        await db.SaveChangesAsync(ct);
    }

    private static async Task CreateOfficerAsync(Uri address, CancellationToken ct)
    {
        using var admin = await LoadScenario.SignInAsync(address, "listing-admin", Password, ct);
        using var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "listing-officer",
            password = Password,
            role = Roles.Authority,
            displayName = "listing-officer",
            jurisdictionCode = Province,
        }, ct);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The officer's account was not created: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static async Task<(List<long> Latencies, List<string> Failures)> PollHealthAsync(HttpClient health, CancellationToken ct)
    {
        var latencies = new List<long>();
        var failures = new List<string>();
        while (!ct.IsCancellationRequested)
        {
            var at = Stopwatch.GetTimestamp();
            try
            {
                using var response = await health.GetAsync("/health", CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                latencies.Add(Stopwatch.GetTimestamp() - at);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode} {body}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{ex.GetType().Name} {ex.Message}");
            }

            try
            {
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (latencies, failures);
    }

    private static string Latencies(List<long> ticks)
    {
        var sorted = ticks.Order().ToList();
        return sorted.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
            $"p50 {Milliseconds(Percentile(sorted, 0.50)):0.0} ms, p99 {Milliseconds(Percentile(sorted, 0.99)):0.0} ms, max {Milliseconds(sorted[^1]):0.0} ms");
    }

    private static long Percentile(List<long> sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    [GeneratedRegex("<tr data-block=")]
    private static partial Regex BlockRow();

    [GeneratedRegex(@"id=""overlaps""[^>]*>(?:发现 )?(\d+)")]
    private static partial Regex Overlaps();

    /// <summary>
    /// An officer in a browser: views the page, and fetches the map the page names unless it already holds it, as a
    /// browser keeps what it was told it may keep. Every view and every map is checked: all blocks, all overlaps.
    /// </summary>
    private sealed partial class Officer(HttpClient http, int blocks)
    {
        private readonly HashSet<string> kept = new(StringComparer.Ordinal);

        public HttpClient Http { get; } = http;

        public List<long> MapLatencies { get; } = [];

        public int PageBytes { get; private set; }

        public int MapBytes { get; private set; }

        /// <summary>One view of <c>/listing</c>, read to its last byte; returns its latency (the map's is kept apart).</summary>
        public async Task<long> ViewAsync(CancellationToken ct)
        {
            var at = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/listing");
            request.Headers.AcceptLanguage.ParseAdd("en");
            using var response = await Http.SendAsync(request, ct);
            var page = await response.Content.ReadAsStringAsync(ct);
            var latency = Stopwatch.GetTimestamp() - at;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/listing answered {(int)response.StatusCode}.");
            }

            var rows = BlockRow().Count(page);
            var overlaps = Overlaps().Match(page) is { Success: true } found ? int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            if (rows != blocks || overlaps != blocks)
            {
                throw new InvalidOperationException($"/listing shows {rows} blocks and {overlaps} overlaps; expected {blocks} and {blocks}.");
            }

            PageBytes = System.Text.Encoding.UTF8.GetByteCount(page);
            var map = MapAddress().Match(page) is { Success: true } named
                ? WebUtility.HtmlDecode(named.Groups[1].Value)
                : throw new InvalidOperationException("/listing names no map.");
            if (!kept.Contains(map))
            {
                await FetchMapAsync(map, ct);
            }

            return latency;
        }

        private async Task FetchMapAsync(string map, CancellationToken ct)
        {
            var at = Stopwatch.GetTimestamp();
            using var response = await Http.GetAsync(map, ct);
            var json = await response.Content.ReadAsByteArrayAsync(ct);
            MapLatencies.Add(Stopwatch.GetTimestamp() - at);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The map answered {(int)response.StatusCode}.");
            }

            var text = System.Text.Encoding.UTF8.GetString(json);
            var (drawn, red) = (BlockFeature().Count(text), RedFeature().Count(text));
            if (drawn != blocks || red != blocks)
            {
                throw new InvalidOperationException($"The map draws {drawn} blocks and {red} overlaps; expected {blocks} and {blocks}.");
            }

            MapBytes = json.Length;
            if (response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable") == true)
            {
                kept.Add(map);
            }
        }

        [GeneratedRegex(@"id=""pool-map"" data-geometry-src=""([^""]+)""")]
        private static partial Regex MapAddress();

        [GeneratedRegex(@"""kind"":""block""")]
        private static partial Regex BlockFeature();

        [GeneratedRegex(@"""overlap"":true")]
        private static partial Regex RedFeature();
    }
}
