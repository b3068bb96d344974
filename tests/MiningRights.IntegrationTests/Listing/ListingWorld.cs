using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>Builders for the transfer tests, all through the public API: plans, blocks on a grid of squares, transfers.</summary>
public sealed class ListingWorld(ServiceFactory factory, HttpClient authority)
{
    public ServiceFactory Factory { get; } = factory;

    public HttpClient Authority { get; } = authority;

    public Api Api { get; } = new(factory);

    public static async Task<ListingWorld> StartAsync(ServiceFactory factory, string authorityJurisdiction = "620000", string? authorityEmail = null)
    {
        var api = new Api(factory);
        return new ListingWorld(factory, await api.AccountAsync("Authority", authorityJurisdiction, email: authorityEmail));
    }

    /// <summary>A closed square ring of <paramref name="size"/> degrees with its south-west corner at (<paramref name="lon"/>, <paramref name="lat"/>).</summary>
    public static double[][] Square(double lon, double lat, double size = 0.05) =>
    [
        [lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat],
    ];

    /// <summary>A square no other test uses: each call moves on along a grid far from the others.</summary>
    public static double[][] FreshSquare(double size = 0.05)
    {
        // Cells 0.2° apart between 80–120° E and 25–45° N: 20,000 of them, taken in turn from a random start.
        var n = Interlocked.Increment(ref _next) % 20_000;
        return Square(80 + ((n % 200) * 0.2), 25 + ((n / 200) * 0.2), Math.Min(size, 0.15));
    }

    private static int _next = Random.Shared.Next(0, 20_000);

    public static object Block(double[][] corners, string county = "620923", string kind = "exploration", string[]? minerals = null, bool blankArea = true,
        bool majorProject = false, string? mineScale = null, string? authority = null, string name = "马鬃山金矿勘查区块") => new
    {
        name,
        minerals = minerals ?? ["金"],
        countyCode = county,
        authorityCode = authority ?? county[..2] + "0000",
        intendedKind = kind,
        blankArea,
        corners,
        majorProjectInfrastructure = majorProject,
        mineScale,
        mountainOrIslandCounty = false,
        combinedSupply = "none",
    };

    public async Task<JsonObject> PlanAsync(string jurisdiction, int year, int quota) =>
        await Api.ReadAsync(await Authority.PostAsJsonAsync("/api/transfer-plans", new { jurisdictionCode = jurisdiction, year, quota }), HttpStatusCode.OK);

    public async Task<JsonObject> AddBlockAsync(object block) =>
        await Api.ReadAsync(await Authority.PostAsJsonAsync("/api/blocks", block), HttpStatusCode.Created);

    public async Task<HttpResponseMessage> PlanBlockAsync(string blockId, int year) =>
        await Authority.PostAsJsonAsync($"/api/blocks/{blockId}/plan", new { year });

    /// <summary>A block in the pool, then in the plan of its county for <paramref name="year"/> (the plan made with room for it).</summary>
    public async Task<string> PlannedBlockAsync(int year, string county = "620923", string kind = "exploration", bool blankArea = true)
    {
        await PlanAsync(county, year, 1000);
        var block = await AddBlockAsync(Block(FreshSquare(), county, kind, blankArea: blankArea));
        var id = block["id"]!.GetValue<string>();
        await Api.ReadAsync(await PlanBlockAsync(id, year), HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonObject> GetBlockAsync(string blockId, HttpClient? client = null) =>
        await Api.ReadAsync(await (client ?? Authority).GetAsync($"/api/blocks/{blockId}"), HttpStatusCode.OK);

    public async Task<string> StateAsync(string blockId) =>
        (await GetBlockAsync(blockId))["workflows"]!.AsArray().Last()!["state"]!.GetValue<string>();

    public async Task<string> InstanceAsync(string blockId) =>
        (await GetBlockAsync(blockId))["workflows"]!.AsArray().Last()!["instanceId"]!.GetValue<string>();

    public async Task<HttpResponseMessage> SignalAsync(string blockId, string signal, object? values = null, string? note = null) =>
        await Authority.PostAsJsonAsync($"/api/workflows/instances/{await InstanceAsync(blockId)}/signals/{signal}", new { note, values });

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A contract by amount: the first installment is <paramref name="first"/> of <paramref name="total"/>, the rest due a year later.</summary>
    public static object ContractByAmount(decimal total, decimal first, DateOnly firstDue, DateOnly secondDue, string? number = null) => new
    {
        number = number ?? "CR-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        collection = "amount",
        totalIncome = total,
        installments = total == first
            ? new object[] { new { dueOn = Date(firstDue), amount = first } }
            : [new { dueOn = Date(firstDue), amount = first }, new { dueOn = Date(secondDue), amount = total - first }],
        clauses = new object[]
        {
            new { number = "第八条", kind = "investment", textZh = "每个合同年度勘查投入不低于50万元", textEn = "At least 500,000 yuan of exploration investment each contract year", amountYuan = 500000m },
            new { number = "第九条", kind = "resultsReport", textZh = "探矿权有效期届满前提交勘查成果报告", textEn = "Submit the results report before the licence expires" },
        },
    };

    /// <summary>
    /// A right of <paramref name="kind"/> registered on 24 March 2025 from a listed block won by <paramref name="holder"/>,
    /// under a contract by amount (100,000 yuan paid at once) with <paramref name="clauses"/>.
    /// </summary>
    public async Task<JsonObject> RegisterUnderContractAsync(TestHolder holder, string kind, string expiresOn, params object[] clauses)
    {
        var blockId = await PlannedBlockAsync(2025, kind: kind, blankArea: kind == "exploration");
        await Api.ReadAsync(await Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "CT-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses,
        }), HttpStatusCode.Created);
        await Api.ReadAsync(await Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        return await Api.ReadAsync(await Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber(kind == "mining" ? "C" : "T"), expiresOn }), HttpStatusCode.Created);
    }
}
