using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using MiningRights.Accounts;
using MiningRights.Rights;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>Builders for test data, all through the public API as a client would do it.</summary>
public sealed class Api(ServiceFactory factory)
{
    public ServiceFactory Factory { get; } = factory;

    public async Task<HttpClient> LoginAsync(string userName, string password = ServiceFactory.Password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => LoginAsync(ServiceFactory.AdminUser);

    /// <summary>A new account in <paramref name="role"/>; returns a signed-in client.</summary>
    public async Task<HttpClient> AccountAsync(string role, string? jurisdictionCode = null, Guid? holderId = null, string? email = null) =>
        await LoginAsync((await CreateAccountAsync(role, jurisdictionCode, holderId, email)).UserName);

    /// <summary>A new account in <paramref name="role"/>, made by the administrator; returns its id and user name.</summary>
    public async Task<(string Id, string UserName)> CreateAccountAsync(string role, string? jurisdictionCode = null, Guid? holderId = null, string? email = null)
    {
        var admin = await AdminAsync();
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var created = await ReadAsync(await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role,
            email = email ?? $"{userName}@officers.test",
            language = "en",
            holderId,
            jurisdictionCode,
        }), HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), userName);
    }

    public Task<HttpClient> AuthorityAsync(string jurisdiction = "620000") => AccountAsync("Authority", jurisdiction);

    /// <summary>A holder with a unique contact address (so its mail can be told apart in maildev) and its signed-in account.</summary>
    public async Task<TestHolder> HolderAsync(string language = "zh-CN")
    {
        var admin = await AdminAsync();
        var email = $"holder-{Guid.NewGuid():N}@holders.test";
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '7');
        var code = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{digits}");
        var response = await admin.PostAsJsonAsync("/api/holders", new
        {
            creditCode = code,
            nameZh = "测试矿业有限公司",
            nameEn = "Test Mining Co., Ltd.",
            language,
            contactEmails = new[] { email },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        var client = await AccountAsync("Holder", holderId: id);
        return new TestHolder(id, email, client);
    }

    public static object ExplorationRight(Guid holderId, DateOnly registeredOn, string? licenseNumber = null, string transferMode = "listing", bool blankArea = true, string county = "620923", string? deferral = "exploration-plan-deferral") => new
    {
        licenseNumber = licenseNumber ?? NewLicenseNumber("T"),
        kind = "exploration",
        holderId,
        projectName = "马鬃山金矿普查",
        minerals = new[] { "金" },
        areaKm2 = 12.5m,
        locationCountyCode = county,
        authorityCode = county[..2] + "0000",
        transferMode,
        blankArea,
        registeredOn = registeredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        // The longest first term the law allowed on the day (CN-TERM: 3 years until 2025-06-30, 5 from 2025-07-01).
        expiresOn = registeredOn.AddYears(registeredOn < new DateOnly(2025, 7, 1) ? 3 : 5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        deferral,
    };

    /// <summary>The processes of a right's lifecycle (a deferral, a provisional licence, ...), without the renewal every right in force carries.</summary>
    public static List<JsonObject> Lifecycles(JsonObject right) =>
        right["workflows"]!.AsArray().Select(w => w!.AsObject()).Where(w => w["definitionId"]!.GetValue<string>() != "renewal").ToList();

    /// <summary>The first process of a right's lifecycle (see <see cref="Lifecycles"/>).</summary>
    public static JsonObject Lifecycle(JsonObject right) => Lifecycles(right)[0];

    /// <summary>A right's open deadlines but the renewal's (CN-RENEW), which every right in force has.</summary>
    public static List<JsonObject> LifecycleDeadlines(JsonObject right) =>
        right["openDeadlines"]!.AsArray().Select(d => d!.AsObject()).Where(d => d["ruleId"]!.GetValue<string>() != "CN-RENEW").ToList();

    public static string NewLicenseNumber(string prefix) => prefix + string.Concat(Guid.NewGuid().ToString("N").Take(17)).ToUpperInvariant();

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Submits a small PDF as the plan, with the extra form fields a mining plan needs.</summary>
    public static async Task<HttpResponseMessage> SubmitPlanAsync(HttpClient holder, Guid rightId, byte[]? content = null, string fileName = "plan.pdf", IDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? "%PDF-1.4 exploration implementation plan"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        return await holder.PostAsync($"/api/rights/{rightId}/plans", form);
    }
}
