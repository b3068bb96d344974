using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// Many people at once on a full registry: N rights (100,000 by default; one holder per 100 rights, one right in 50 with
/// its plan missed and an open case), one process of the built service in Production on that database, and
/// <c>--clients</c> clients, half signed in as holders (10 accounts, each holding 100 rights) reading their deadline
/// list, half as inspectors (province, city and county) reading the case queue. Each client is a closed loop with no
/// pause: a request, its whole answer, the next request; it reads the list from the first page, follows <c>next</c> up to
/// <see cref="PagesRead"/> pages and starts again. After a warm-up, <c>--seconds</c> of it are measured: every
/// request's latency to the last byte, requests per second, and the service process's resident memory (sampled, and
/// its peak). Checked: no error (every answer 2xx, no exception) and no empty first page. The run's figure is its
/// measured duration, the items its requests; the note gives the latencies and the service's memory.
/// </summary>
public sealed class LoadScenario : IBenchmarkScenario
{
    /// <summary>How deep a person reads a list before starting over: the first hundred entries at the default page size.</summary>
    private const int PagesRead = 5;

    private const int RightsPerHolder = 100;
    private const int RightsPerCase = 50;
    private const int HolderAccounts = 10;
    private const string Password = "Load-bench-2026!";

    // The holder's deadline list is GET /api/deadlines (its upcoming duties, soonest first; /holder/deadlines shows the
    // same query). The inspector queue is GET /api/cases: the case queue in risk order that the README's process (step 5,
    // "Inspectors work the queue") and the inspector's own page /inspector/cases (CaseQueries.ListAsync) are built on.
    // GET /api/workflows/queue is the generic "what waits for you" of the workflow runtime, which only the authority
    // officers' page reads; for an inspector it holds the same cases' instances while they wait for findings.
    private const string DeadlineList = "/api/deadlines";
    private const string CaseQueue = "/api/cases";

    /// <summary>Inspectors at each level of the tree the seeded rights lie in (肃北县 in 酒泉市, Gansu).</summary>
    private static readonly string[] InspectorJurisdictions = ["620000", "620900", "620923"];

    public string Name => "load";

    public string Unit => "rights";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [1000] : settings.Rights ?? [100_000];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var clients = context.Settings.Smoke ? 5 : context.Settings.Clients ?? 50;
        var measured = TimeSpan.FromSeconds(context.Settings.Smoke ? 3 : context.Settings.Seconds);
        var warmUp = TimeSpan.FromSeconds(Math.Clamp(measured.TotalSeconds / 6, 1, 10));

        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        var holders = Math.Max(1, size / RightsPerHolder);
        await RightsWorld.SeedAsync(service, size, due: 0, holders, DateTime.UtcNow, cancellationToken, cases: Math.Max(1, size / RightsPerCase));
        List<Guid> signedInHolders;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            // The credit code carries the holder's number: the first holders, each with every holders-th right.
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            signedInHolders = await db.Holders.OrderBy(h => h.CreditCode).Select(h => h.Id).Take(HolderAccounts).ToListAsync(cancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var nodeSettings = service.NodeSettings(context.Settings.OnPostgres, "load-admin", Password);

        // Every client signs in from this machine's one address within a second or two, as no real office would.
        nodeSettings["Accounts__SignInsPerAddress"] = "100000";
        nodeSettings["Accounts__SignInsPerUserName"] = "100000";
        await using var node = ServiceNode.Start(context.RepositoryRoot, "load", nodeSettings);
        await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(120), cancellationToken);
        var address = node.Address ?? throw new InvalidOperationException($"The node did not say where it listens:{Environment.NewLine}{node.Log}");

        var users = await CreateAccountsAsync(address, signedInHolders, cancellationToken);
        var loadClients = new List<LoadClient>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                // Alternately a holder and an inspector, each account used by several clients (a person with two tabs).
                var (user, list) = i % 2 == 0
                    ? (users.Holders[(i / 2) % users.Holders.Count], DeadlineList)
                    : (users.Inspectors[(i / 2) % users.Inspectors.Count], CaseQueue);
                loadClients.Add(new LoadClient(user, list, await SignInAsync(address, user, cancellationToken), context.Settings.PauseMilliseconds));
            }

            var warmUpUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(loadClients.Select(c => c.RunAsync(warmUpUntil, record: false, cancellationToken)));

            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var memory = SampleAsync(node, sampling.Token);
            var processorBefore = node.ProcessorTime;
            var clock = Stopwatch.StartNew();
            var until = Stopwatch.GetTimestamp() + (long)(measured.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(loadClients.Select(c => c.RunAsync(until, record: true, cancellationToken)));
            clock.Stop();
            var processor = node.ProcessorTime - processorBefore;
            await sampling.CancelAsync();
            var sampledPeak = await memory;
            var end = node.Memory();

            var report = Report(loadClients, clock.Elapsed, processor, sampledPeak, end);
            var errors = loadClients.Sum(c => c.Errors);
            var empty = loadClients.Where(c => c.EmptyFirstPages > 0 || c.Latencies.Count == 0).ToList();
            if (errors > 0 || empty.Count > 0 || node.HasExited)
            {
                throw new InvalidOperationException(
                    $"{errors} errors{(errors > 0 ? $" (first: {loadClients.SelectMany(c => c.FirstErrors).First()})" : string.Empty)}; " +
                    $"{empty.Count} clients with an empty first page or no answer ({string.Join(", ", empty.Select(c => c.User.Name).Distinct())})" +
                    $"{(node.HasExited ? "; the service exited" : string.Empty)}. {report}");
            }

            return new Measurement(clock.Elapsed, loadClients.Sum(c => c.Latencies.Count), report);
        }
        finally
        {
            foreach (var client in loadClients)
            {
                client.Http.Dispose();
            }
        }
    }

    /// <summary>The accounts the clients sign in as, created by the administrator through the API as an operator would.</summary>
    private static async Task<(List<User> Holders, List<User> Inspectors)> CreateAccountsAsync(Uri address, IReadOnlyList<Guid> holderIds, CancellationToken ct)
    {
        using var admin = await SignInAsync(address, new User("load-admin", "Admin"), ct);
        var holders = new List<User>();
        foreach (var (holderId, i) in holderIds.Select((id, i) => (id, i)))
        {
            holders.Add(await CreateAsync(admin, new User($"load-holder-{i}", "Holder"), holderId, null, ct));
        }

        var inspectors = new List<User>();
        foreach (var code in InspectorJurisdictions)
        {
            inspectors.Add(await CreateAsync(admin, new User($"load-inspector-{code}", "Inspector"), null, code, ct));
        }

        return (holders, inspectors);
    }

    private static async Task<User> CreateAsync(HttpClient admin, User user, Guid? holderId, string? jurisdiction, CancellationToken ct)
    {
        using var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = user.Name,
            password = Password,
            role = user.Role,
            displayName = user.Name,
            holderId,
            jurisdictionCode = jurisdiction,
        }, ct);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Account {user.Name} was not created: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
        }

        return user;
    }

    private static Task<HttpClient> SignInAsync(Uri address, User user, CancellationToken ct) => SignInAsync(address, user.Name, Password, ct);

    /// <summary>A client of its own (its own connection) carrying the bearer token of a fresh sign-in.</summary>
    internal static async Task<HttpClient> SignInAsync(Uri address, string userName, string password, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, ct);
        if (!login.IsSuccessStatusCode)
        {
            client.Dispose();
            throw new InvalidOperationException($"{userName} did not sign in: {(int)login.StatusCode}.");
        }

        using var token = JsonDocument.Parse(await login.Content.ReadAsStreamAsync(ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The highest resident memory of the node seen while the clients run, sampled every 100 ms.</summary>
    private static async Task<long?> SampleAsync(ServiceNode node, CancellationToken ct)
    {
        long? highest = null;
        while (!ct.IsCancellationRequested)
        {
            if (node.Memory() is { } now && now.ResidentBytes > (highest ?? 0))
            {
                highest = now.ResidentBytes;
            }

            try
            {
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return highest;
    }

    private static string Report(List<LoadClient> clients, TimeSpan elapsed, TimeSpan processor, long? sampledPeak, ServiceNode.ResidentMemory? end)
    {
        var all = clients.SelectMany(c => c.Latencies).ToList();
        string Latencies(IEnumerable<LoadClient> of)
        {
            var sorted = of.SelectMany(c => c.Latencies).Order().ToList();
            return sorted.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
                $"p50 {Milliseconds(Percentile(sorted, 0.50)):0.0} ms, p99 {Milliseconds(Percentile(sorted, 0.99)):0.0} ms, max {Milliseconds(sorted[^1]):0.0} ms");
        }

        static string MiB(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / (1024.0 * 1024.0):0} MiB") : "n/a";
        var holders = clients.Where(c => c.List == DeadlineList).ToList();
        var inspectors = clients.Where(c => c.List == CaseQueue).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{clients.Count} clients ({holders.Count} holders, {inspectors.Count} inspectors), {elapsed.TotalSeconds:0.0} s: {all.Count} requests, " +
            $"{all.Count / elapsed.TotalSeconds:0} req/s, {Latencies(clients)}, errors {clients.Sum(c => c.Errors)}; " +
            $"deadline list ({holders.Sum(c => c.Latencies.Count)}) {Latencies(holders)}; case queue ({inspectors.Sum(c => c.Latencies.Count)}) {Latencies(inspectors)}; " +
            $"service processor time {processor.TotalMilliseconds / Math.Max(1, all.Count):0.00} ms a request ({processor.TotalSeconds / elapsed.TotalSeconds:0.00} cores); " +
            $"service RSS: peak {MiB(end?.PeakBytes)} (VmHWM), highest sampled in the measured run {MiB(sampledPeak)}, " +
            $"at the end {MiB(end?.ResidentBytes)}: {MiB(end?.AnonymousBytes)} anonymous, {MiB(end?.FileBytes)} mapped files, {MiB(end?.SharedBytes)} shared (JIT code)");
    }

    /// <summary>The nearest-rank percentile of sorted timestamps' differences.</summary>
    private static long Percentile(List<long> sorted, double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed record User(string Name, string Role);

    /// <summary>One client: a signed-in user reading one list in a closed loop, and what it measured.</summary>
    private sealed class LoadClient(User user, string list, HttpClient http, int pauseMilliseconds)
    {
        public User User { get; } = user;

        public string List { get; } = list;

        public HttpClient Http { get; } = http;

        /// <summary>Each measured request's time from sending to the answer's last byte, in <see cref="Stopwatch"/> ticks.</summary>
        public List<long> Latencies { get; } = [];

        public int Errors { get; private set; }

        public List<string> FirstErrors { get; } = [];

        public int EmptyFirstPages { get; private set; }

        public async Task RunAsync(long until, bool record, CancellationToken ct)
        {
            string? cursor = null;
            var page = 0;
            var first = true;
            while (Stopwatch.GetTimestamp() < until)
            {
                // A person reads an answer before asking again (--pause-ms); without a pause the loop is closed. The first
                // requests are spread over one pause, so that the clients do not all start at the same instant.
                if (pauseMilliseconds > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(pauseMilliseconds * (first ? Random.Shared.NextDouble() : 0.5 + Random.Shared.NextDouble())), ct);
                }

                first = false;
                var started = Stopwatch.GetTimestamp();
                byte[] body;
                try
                {
                    using var response = await Http.GetAsync(cursor is null ? List : $"{List}?cursor={Uri.EscapeDataString(cursor)}", ct);
                    body = await response.Content.ReadAsByteArrayAsync(ct);
                    if (record)
                    {
                        Latencies.Add(Stopwatch.GetTimestamp() - started);
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Fail($"{List}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
                        (cursor, page) = (null, 0);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Fail($"{List}: {ex.GetType().Name} {ex.Message}");
                    (cursor, page) = (null, 0);
                    continue;
                }

                using var answer = JsonDocument.Parse(body);
                if (page == 0 && answer.RootElement.GetProperty("items").GetArrayLength() == 0)
                {
                    EmptyFirstPages++;
                }

                var next = answer.RootElement.GetProperty("next");
                page++;
                if (next.ValueKind == JsonValueKind.String && page < PagesRead)
                {
                    cursor = next.GetString();
                }
                else
                {
                    (cursor, page) = (null, 0);
                }
            }
        }

        // Errors in the warm-up count too: the check is that the service fails no request at all.
        private void Fail(string error)
        {
            Errors++;
            if (FirstErrors.Count < 3)
            {
                FirstErrors.Add(error);
            }
        }
    }
}
