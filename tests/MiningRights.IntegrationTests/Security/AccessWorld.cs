using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Contracts;
using MiningRights.Decisions;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// A real world for the access matrix, built once through the public API: holder A with one object of every kind an
/// endpoint addresses by id (rights, deadlines, processes, a plan, a block won and one applied for with an objection,
/// a contract, duties, a breach case, a relief claim with evidence, a verification batch and task, notices, a calendar
/// address, its account), all in Gansu (620000); holder B with a right of its own; and the people who must not reach
/// A's objects: B, officers of Zhejiang (330000), and an officer of another county of Gansu (肃州区, 620902).
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string Province = "620000";
    public const string County = "620923";

    private static readonly string[] Tungsten = ["钨"];

    private readonly List<Owned> _owned = [];

    /// <summary>Who calls the matrix as a stranger to A's objects.</summary>
    public enum Stranger
    {
        HolderB,
        AuthorityOfZhejiang,
        InspectorOfZhejiang,
        AuthorityOfAnotherCounty,
    }

    /// <summary>Whose objects a call names: A's (A sees them, and the province's officers), the province's officers' only, or none.</summary>
    public enum Whose
    {
        Nobody,
        HolderA,
        Officers,
    }

    public ServiceFactory Factory { get; } = new(TestClock.Shanghai(2025, 3, 3, 10));

    public TestHolder HolderA { get; private set; } = null!;

    public TestHolder HolderB { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>An Authority officer of the province: the registration authority of everything A holds.</summary>
    public HttpClient AuthorityP { get; private set; } = null!;

    public HttpClient InspectorP { get; private set; } = null!;

    /// <summary>Who calls the matrix as a stranger to A's objects, each signed in by bearer token.</summary>
    public IReadOnlyDictionary<Stranger, HttpClient> Strangers { get; private set; } = null!;

    /// <summary>The same people signed in by cookie, as a browser reads the pages.</summary>
    public IReadOnlyDictionary<string, HttpClient> Browsers { get; private set; } = null!;

    /// <summary>Every object seeded in the province, with the holder it belongs to (none for an authority's own, such as a batch).</summary>
    public IReadOnlyList<Owned> Objects => _owned;

    public string RightWithPlan { get; private set; } = null!;

    public string PlanId { get; private set; } = null!;

    /// <summary>The right registered from the listed block, with its contract and duties.</summary>
    public string ContractRight { get; private set; } = null!;

    /// <summary>A right of A expiring within the verification window, registered before the service kept contracts.</summary>
    public string OldRight { get; private set; } = null!;

    public string RightOfB { get; private set; } = null!;

    public string ListedBlock { get; private set; } = null!;

    public string AgreementBlock { get; private set; } = null!;

    public string ObjectionId { get; private set; } = null!;

    public string ContractId { get; private set; } = null!;

    public string CaseId { get; private set; } = null!;

    /// <summary>A's case's rectification order, a formal decision with its document (issue 23).</summary>
    public string DecisionId { get; private set; } = null!;

    public string ClaimInstance { get; private set; } = null!;

    public string EvidenceId { get; private set; } = null!;

    public string BatchId { get; private set; } = null!;

    public string TaskId { get; private set; } = null!;

    public string NotificationId { get; private set; } = null!;

    public string CalendarToken { get; private set; } = null!;

    public string AccountOfA { get; private set; } = null!;

    public string AnnouncementId { get; private set; } = null!;

    public (string Id, string Version) Definition { get; private set; }

    public string CreditCodeOfA { get; private set; } = null!;

    public IReadOnlyList<string> Rights => [RightWithPlan, ContractRight, OldRight];

    public IReadOnlyList<string> Blocks => [ListedBlock, AgreementBlock];

    /// <summary>Every process on A's objects, with a signal its state takes and whose it is.</summary>
    public IEnumerable<(string Id, string Signal, Whose Whose)> AllInstances =>
        Instances.Select(i => (i.Id, i.Signal, Whose.HolderA)).Concat(OfficersInstances.Select(i => (i.Id, i.Signal, Whose.Officers)));

    /// <summary>A's deadlines: each open one of its rights and processes.</summary>
    public IReadOnlyList<string> Deadlines { get; private set; } = [];

    /// <summary>A's processes (every instance whose holder is A), each with a signal its state takes.</summary>
    public IReadOnlyList<(string Id, string Signal)> Instances { get; private set; } = [];

    /// <summary>Processes on A's objects that only officers see (the transfer of a block), each with a signal its state takes.</summary>
    public IReadOnlyList<(string Id, string Signal)> OfficersInstances { get; private set; } = [];

    /// <summary>The case's own process, with a signal its state takes.</summary>
    public (string Id, string Signal) CaseInstance { get; private set; }

    /// <summary>A's processes on one of its rights (the right's page lists them).</summary>
    public IEnumerable<(string Id, string Signal)> InstancesOf(string rightId) => Instances.Where(i => _onRight[rightId].Contains(i.Id));

    private readonly Dictionary<string, HashSet<string>> _onRight = new(StringComparer.Ordinal);

    /// <summary>Duties (obligation instances) of A's contract right that no claim covers yet.</summary>
    public string UnclaimedDuty { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var api = new Api(Factory);
        Admin = await api.AdminAsync();
        AuthorityP = await api.AuthorityAsync(Province);
        InspectorP = await api.AccountAsync("Inspector", Province);
        HolderA = await api.HolderAsync("en");
        HolderB = await api.HolderAsync("en");
        Add("holder", HolderA.Id.ToString(), HolderA);
        Add("holder", HolderB.Id.ToString(), HolderB);
        Add("email", HolderA.Email, HolderA);
        Add("email", HolderB.Email, HolderB);
        CreditCodeOfA = (await Api.ReadAsync(await Admin.GetAsync($"/api/holders/{HolderA.Id}"), HttpStatusCode.OK))["creditCode"]!.GetValue<string>();

        // A right waiting for its exploration plan (GS-9d), with the plan submitted, and B's own right alike.
        var withPlan = await RegisterAsync(HolderA, Api.ExplorationRight(HolderA.Id, new DateOnly(2025, 3, 1)));
        RightWithPlan = withPlan["id"]!.GetValue<string>();
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(HolderA.Client, Guid.Parse(RightWithPlan), "%PDF-1.4 holder A's exploration plan"u8.ToArray()), HttpStatusCode.Created);
        PlanId = Add("plan", plan["id"]!.GetValue<string>(), HolderA);
        RightOfB = (await RegisterAsync(HolderB, Api.ExplorationRight(HolderB.Id, new DateOnly(2025, 3, 1))))["id"]!.GetValue<string>();

        // A block listed and won by A, its contract by amount with two dated clauses, paid, and the right registered on it.
        var world = new ListingWorld(Factory, AuthorityP);
        ListedBlock = Add("block", await world.PlannedBlockAsync(2025), HolderA);
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{ListedBlock}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        AnnouncementId = (await Api.ReadAsync(await Factory.CreateClient().GetAsync("/api/public/announcements"), HttpStatusCode.OK))["items"]![0]!["id"]!.GetValue<string>();
        await Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{ListedBlock}/transaction", new { holderId = HolderA.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{ListedBlock}/contract", new
        {
            number = "CT-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses = new object[]
            {
                new { number = "第十条", kind = "progress", textZh = "完成首批钻孔", textEn = "Finish the first boreholes", dueOn = "2025-04-01" },
                new { number = "第十一条", kind = "resultsReport", textZh = "提交阶段勘查成果报告", textEn = "Submit the interim results report", dueOn = "2025-06-01" },
            },
        }), HttpStatusCode.Created);
        ContractId = Add("contract", contract["id"]!.GetValue<string>(), HolderA);
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/contracts/{ContractId}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        var registered = await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{ListedBlock}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-23" }), HttpStatusCode.Created);
        ContractRight = registered["id"]!.GetValue<string>();

        // A block A applied for by agreement, in disclosure, with an objection recorded.
        AgreementBlock = Add("block", await world.PlannedBlockAsync(2025, kind: "mining", blankArea: false), HolderA);
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{AgreementBlock}/agreement",
            new { holderId = HolderA.Id, price = 800_000m, reason = "已设采矿权深部延伸" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await world.SignalAsync(AgreementBlock, "verificationPassed", new Dictionary<string, object> { ["findings"] = "范围、权属清楚" })).StatusCode);
        var objection = await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/blocks/{AgreementBlock}/objections",
            new { objector = "相邻采矿权人", grounds = "边界需核实", receivedOn = "2025-03-24" }), HttpStatusCode.Created);
        ObjectionId = Add("objection", objection["id"]!.GetValue<string>(), null);

        // A mining right from before the service kept contracts, expiring within the verification window (the next two quarters: July to December).
        OldRight = (await RegisterAsync(HolderA, new
        {
            licenseNumber = Api.NewLicenseNumber("C"),
            kind = "mining",
            holderId = HolderA.Id,
            projectName = "钨矿开采",
            minerals = Tungsten,
            areaKm2 = 2.5m,
            locationCountyCode = County,
            authorityCode = Province,
            transferMode = "agreement",
            blankArea = false,
            registeredOn = "2015-11-01",
            expiresOn = "2025-09-30",
        }))["id"]!.GetValue<string>();

        // The first boreholes were due on 1 April: the evaluation the day after opens a case. The results report is claimed for.
        await Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 2, 2));
        Assert.Equal(1, await Factory.Services.GetRequiredService<PerformanceEvaluator>().EvaluateAsync(CancellationToken.None));
        var cases = await Api.ReadAsync(await HolderA.Client.GetAsync("/api/cases"), HttpStatusCode.OK);
        var opened = Assert.Single(cases["items"]!.AsArray())!;
        CaseId = Add("case", opened["id"]!.GetValue<string>(), HolderA);

        // The authority orders a rectification in A's case: a formal decision, whose document A and the authority read.
        var caseProcess = opened["caseInstanceId"]!.GetValue<string>();
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/workflows/instances/{caseProcess}/signals/recordFindings",
            new { values = new { findings = "首批钻孔未按期施工。" } }), HttpStatusCode.OK);
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync($"/api/workflows/instances/{caseProcess}/signals/orderRectification", new
        {
            values = new Dictionary<string, string>
            {
                ["rectifyBy"] = "2025-06-30",
                ["order"] = "补充施工首批钻孔。",
                ["decision.facts"] = "首批钻孔未按合同约定于2025年4月1日前施工。",
                ["decision.basis"] = "GS-10d",
                ["decision.numbering"] = "service",
                ["decision.decidedOn"] = "2025-04-02",
            },
        }), HttpStatusCode.OK);
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRights.Data.MiningRightsDbContext>();
            DecisionId = Add("decision", db.Decisions.Single(d => d.InstanceId == Guid.Parse(caseProcess)).Id.ToString(), HolderA);
        }

        Factory.Clock.Set(TestClock.Shanghai(2025, 4, 2, 10));
        var obligations = await Api.ReadAsync(await HolderA.Client.GetAsync($"/api/obligations?rightId={ContractRight}&pageSize=200"), HttpStatusCode.OK);
        var report = obligations["items"]!.AsArray().First(o => o!["clause"]!.GetValue<string>() == "第十一条")!["instanceId"]!.GetValue<string>();
        UnclaimedDuty = obligations["items"]!.AsArray().First(o => o!["clause"]!.GetValue<string>() == "CN-GEODATA")!["instanceId"]!.GetValue<string>();
        using (var form = ClaimForm(report))
        {
            var claim = await Api.ReadAsync(await HolderA.Client.PostAsync($"/api/rights/{ContractRight}/relief-claims", form), HttpStatusCode.Created);
            ClaimInstance = claim["id"]!.GetValue<string>();
            EvidenceId = Add("evidence", claim["journal"]!.AsArray().Last()!["evidence"]![0]!["id"]!.GetValue<string>(), HolderA);
        }

        // The quarterly verification: a batch for the province and a task for the old right's county.
        var run = await AuthorityP.PostAsync("/api/verification/batches/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        BatchId = Add("batch", (await run.Content.ReadFromJsonAsync<JsonArray>())![0]!["batch"]!["id"]!.GetValue<string>(), null);
        var batch = await Api.ReadAsync(await AuthorityP.GetAsync($"/api/verification/batches/{BatchId}"), HttpStatusCode.OK);
        TaskId = Add("task", batch["tasks"]!.AsArray().Single(t => t!["rightId"]!.GetValue<string>() == OldRight)!["id"]!.GetValue<string>(), HolderA);
        await Factory.DeliverAsync();

        foreach (var id in new[] { RightWithPlan, ContractRight, OldRight })
        {
            Add("right", id, HolderA);
            var right = await Api.ReadAsync(await HolderA.Client.GetAsync($"/api/rights/{id}"), HttpStatusCode.OK);
            Add("license", right["licenseNumber"]!.GetValue<string>(), HolderA);
        }

        Add("right", RightOfB, HolderB);
        var deadlines = await Api.ReadAsync(await HolderA.Client.GetAsync("/api/deadlines?pageSize=200"), HttpStatusCode.OK);
        Deadlines = deadlines["items"]!.AsArray().Select(d => Add("deadline", d!["id"]!.GetValue<string>(), HolderA)).ToList();

        // Every process of A's objects as the province sees them: those A sees are A's, the others the officers' own.
        var instances = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in new[] { RightWithPlan, ContractRight, OldRight })
        {
            var right = await Api.ReadAsync(await AuthorityP.GetAsync($"/api/rights/{id}"), HttpStatusCode.OK);
            _onRight[id] = right["workflows"]!.AsArray().Select(w => w!["instanceId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            instances.UnionWith(_onRight[id]);
        }

        foreach (var id in new[] { ListedBlock, AgreementBlock })
        {
            var block = await Api.ReadAsync(await AuthorityP.GetAsync($"/api/blocks/{id}"), HttpStatusCode.OK);
            instances.UnionWith(block["workflows"]!.AsArray().Select(w => w!["instanceId"]!.GetValue<string>()));
        }

        instances.Add(ClaimInstance);
        instances.Add(opened["caseInstanceId"]!.GetValue<string>());
        instances.Add(batch["tasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == TaskId)!["instanceId"]!.GetValue<string>());
        instances.Add(batch["batch"]!["instanceId"]!.GetValue<string>());
        var holders = new List<(string, string)>();
        var officers = new List<(string, string)>();
        foreach (var id in instances.Order(StringComparer.Ordinal))
        {
            var view = await Api.ReadAsync(await AuthorityP.GetAsync($"/api/workflows/instances/{id}"), HttpStatusCode.OK);
            var signal = view["signals"]!.AsArray().Select(s => s!.GetValue<string>()).FirstOrDefault() ?? "none";
            var mine = (await HolderA.Client.GetAsync($"/api/workflows/instances/{id}")).StatusCode == HttpStatusCode.OK;
            (mine ? holders : officers).Add((Add("instance", id, mine ? HolderA : null), signal));
        }

        Instances = holders;
        CaseInstance = holders.Single(i => i.Item1 == opened["caseInstanceId"]!.GetValue<string>());
        OfficersInstances = officers;

        var notices = await Api.ReadAsync(await AuthorityP.GetAsync("/api/notifications?pageSize=200"), HttpStatusCode.OK);
        var ofA = notices["items"]!.AsArray().Where(n => n!["recipient"]!.GetValue<string>() == HolderA.Email).ToList();
        Assert.NotEmpty(ofA);
        NotificationId = ofA[0]!["id"]!.GetValue<string>();
        foreach (var notice in ofA)
        {
            Add("notification", notice!["id"]!.GetValue<string>(), HolderA);
        }

        // Calendar addresses are made on first use: made now, so reading them later changes nothing.
        CalendarToken = Add("token", TokenOf(await Api.ReadAsync(await HolderA.Client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK)), HolderA);
        Add("token", TokenOf(await Api.ReadAsync(await HolderB.Client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK)), HolderB);

        var accounts = (await Admin.GetFromJsonAsync<JsonArray>("/api/accounts"))!;
        AccountOfA = Add("account", accounts.First(a => a!["holderId"]?.GetValue<string>() == HolderA.Id.ToString())!["id"]!.GetValue<string>(), HolderA);
        var definition = (await Admin.GetFromJsonAsync<JsonArray>("/api/workflows/definitions"))![0]!;
        Definition = (definition["id"]!.GetValue<string>(), definition["version"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var zhejiang = await SignInAsync("Authority", "330000");
        var zhejiangInspector = await SignInAsync("Inspector", "330000");
        var elsewhere = await SignInAsync("Authority", "620902");
        Strangers = new Dictionary<Stranger, HttpClient>
        {
            [Stranger.HolderB] = HolderB.Client,
            [Stranger.AuthorityOfZhejiang] = zhejiang.Api,
            [Stranger.InspectorOfZhejiang] = zhejiangInspector.Api,
            [Stranger.AuthorityOfAnotherCounty] = elsewhere.Api,
        };
        Browsers = new Dictionary<string, HttpClient>
        {
            [nameof(HolderA)] = (await SignInAsync("Holder", holderId: HolderA.Id)).Browser,
            [nameof(Stranger.HolderB)] = (await SignInAsync("Holder", holderId: HolderB.Id)).Browser,
            [nameof(AuthorityP)] = (await SignInAsync("Authority", Province)).Browser,
            [nameof(InspectorP)] = (await SignInAsync("Inspector", Province)).Browser,
            [nameof(Admin)] = await BrowserAsync(ServiceFactory.AdminUser),
            [nameof(Stranger.AuthorityOfZhejiang)] = zhejiang.Browser,
            [nameof(Stranger.InspectorOfZhejiang)] = zhejiangInspector.Browser,
            [nameof(Stranger.AuthorityOfAnotherCounty)] = elsewhere.Browser,
        };
    }

    /// <summary>A client that follows no redirect, so that a page's answer is seen as the service gives it.</summary>
    public HttpClient Anonymous(bool browser = false) =>
        browser ? Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) : Factory.CreateClient();

    /// <summary>A new account signed in twice: by bearer token for the API, and by cookie for the pages.</summary>
    private async Task<(HttpClient Api, HttpClient Browser)> SignInAsync(string role, string? jurisdiction = null, Guid? holderId = null)
    {
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        await Api.ReadAsync(await Admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role,
            email = $"{userName}@officers.test",
            language = "en",
            holderId,
            jurisdictionCode = jurisdiction,
        }), HttpStatusCode.Created);
        return (await new Api(Factory).LoginAsync(userName), await BrowserAsync(userName));
    }

    private async Task<HttpClient> BrowserAsync(string userName)
    {
        var browser = Anonymous(browser: true);
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = ServiceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return browser;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The values a stranger must never find in an answer: every object of the province but its own (B's, for B).</summary>
    public IReadOnlyList<string> SecretsFor(Stranger stranger) =>
        _owned.Where(o => stranger != Stranger.HolderB || o.Holder != HolderB).Select(o => o.Value).ToList();

    /// <summary>A relief claim for one duty as a form, with an evidence file.</summary>
    public static MultipartFormDataContent ClaimForm(string duty)
    {
        var file = new ByteArrayContent("%PDF-1.7\n县应急管理局灾情证明\n%%EOF"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent("forceMajeure"), "ground" },
            { new StringContent(duty), "duties" },
            { new StringContent("2025-04-01"), "periodFrom" },
            { new StringContent("2025-05-31"), "periodTo" },
            { new StringContent("特大洪水冲毁进场道路，无法施工"), "reason" },
            { file, "files", "灾情证明.pdf" },
        };
    }

    private async Task<JsonObject> RegisterAsync(TestHolder holder, object body) =>
        await Api.ReadAsync(await AuthorityP.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);

    private string Add(string kind, string value, TestHolder? holder)
    {
        _owned.Add(new Owned(kind, value, holder));
        return value;
    }

    private static string TokenOf(JsonObject address)
    {
        var path = new Uri(address["url"]!.GetValue<string>()).AbsolutePath;
        return path["/calendar/".Length..^".ics".Length];
    }

    /// <summary>An object of the province: what kind, its id (or address, licence number, email) and whose it is.</summary>
    public sealed record Owned(string Kind, string Value, TestHolder? Holder);
}
