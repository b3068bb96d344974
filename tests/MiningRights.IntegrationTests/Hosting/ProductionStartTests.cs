using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MiningRights.Accounts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Rights;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// The service started as an operator starts it in Production: HTTPS only (HSTS, redirection), the addresses it hands
/// out built from <c>Service:PublicBaseUrl</c> and never from the Host header, forwarded headers believed from the
/// configured proxies only, the API description for administrators, and a clear word at start for what is missing.
/// </summary>
public sealed class ProductionStartTests
{
    private const string Site = "https://kyq.example.gov.cn/";
    private const string Proxy = "10.1.2.3";
    private static readonly string[] HolderContacts = ["holder@example.cn"];

    [Fact]
    public async Task Over_HTTPS_every_answer_carries_HSTS_and_plain_HTTP_is_redirected_unless_a_trusted_proxy_says_it_was_HTTPS()
    {
        using var factory = Production();
        var secure = Client(factory, Site);
        var page = await secure.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);

        var plain = await Client(factory, "http://kyq.example.gov.cn/").GetAsync("/sign-in?x=1");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal(new Uri("https://kyq.example.gov.cn/sign-in?x=1"), plain.Headers.Location);

        // A health probe from inside the network is answered where it asked.
        Assert.NotEqual(HttpStatusCode.TemporaryRedirect, (await Client(factory, "http://kyq.example.gov.cn/").GetAsync("/health")).StatusCode);

        // The TLS proxy in front says the reader came over HTTPS: believed from the proxy, not from anyone else.
        var viaProxy = await SendAsync(factory, "/sign-in", Proxy, forwardedProto: "https");
        Assert.Equal(StatusCodes.Status200OK, viaProxy.Response.StatusCode);
        Assert.True(viaProxy.Response.Headers.ContainsKey("Strict-Transport-Security"));
        var viaStranger = await SendAsync(factory, "/sign-in", "192.0.2.9", forwardedProto: "https");
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, viaStranger.Response.StatusCode);
    }

    [Fact]
    public async Task The_service_answers_only_to_its_public_host_and_the_calendar_address_never_follows_the_Host_header()
    {
        using var factory = Production();
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(factory, "https://attacker.example/").GetAsync("/sign-in")).StatusCode);

        // With every host allowed (an operator's choice), the address handed out is still the configured one.
        using var open = Production(new Dictionary<string, string?> { ["AllowedHosts"] = "*" });
        var admin = await SignInAsync(Client(open, "https://attacker.example/"), EnvironmentFactory.AdminUser);
        var holder = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", new
        {
            creditCode = UnifiedSocialCreditCode.WithCheckCharacter("91620100123456789"),
            nameZh = "甘肃测试矿业有限公司",
            nameEn = "Gansu Test Mining Co., Ltd.",
            language = "zh-CN",
            contactEmails = HolderContacts,
        }), HttpStatusCode.Created);
        await CreateAccountAsync(admin, "holder-one", "Holder", holderId: holder["id"]!.GetValue<string>());
        var client = await SignInAsync(Client(open, "https://attacker.example/"), "holder-one");
        var address = (await Api.ReadAsync(await client.GetAsync("/api/holders/me/calendar"), HttpStatusCode.OK))["url"]!.GetValue<string>();
        Assert.StartsWith(Site + "calendar/", address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_description_is_for_administrators_only()
    {
        using var factory = Production();
        var anonymous = Client(factory, Site);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/")).StatusCode);

        var admin = await SignInAsync(Client(factory, Site), EnvironmentFactory.AdminUser);
        await CreateAccountAsync(admin, "inspector-one", "Inspector", jurisdictionCode: "620000");
        var inspector = await SignInAsync(Client(factory, Site), "inspector-one");
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/openapi/index.html")).StatusCode);

        var document = await Api.ReadAsync(await admin.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        Assert.NotNull(document["paths"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/openapi/index.html")).StatusCode);
    }

    [Fact]
    public void Without_a_public_address_Production_does_not_start_and_says_which_setting_is_missing()
    {
        using var factory = Production(new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = null });
        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Service:PublicBaseUrl is required in Production", Messages(thrown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_administrator_account_the_start_warns_and_names_the_settings()
    {
        using var factory = Production(new Dictionary<string, string?> { ["Accounts:AdminUserName"] = null, ["Accounts:AdminPassword"] = null });
        Assert.Equal(HttpStatusCode.OK, (await Client(factory, Site).GetAsync("/sign-in")).StatusCode);
        Assert.Contains(factory.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal)
            && line.Contains("No administrator account", StringComparison.Ordinal)
            && line.Contains("Accounts__AdminUserName", StringComparison.Ordinal) && line.Contains("Accounts__AdminPassword", StringComparison.Ordinal));

        using var withAdmin = Production();
        Assert.Equal(HttpStatusCode.OK, (await Client(withAdmin, Site).GetAsync("/sign-in")).StatusCode);
        Assert.DoesNotContain(withAdmin.Logs.Lines, line => line.Contains("No administrator account", StringComparison.Ordinal));
    }

    private static EnvironmentFactory Production(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Service:PublicBaseUrl"] = Site,
            ["Service:TrustedProxies:0"] = Proxy,
            ["https_port"] = "443",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new EnvironmentFactory("Production", all);
    }

    private static HttpClient Client(EnvironmentFactory factory, string baseAddress) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

    private static async Task CreateAccountAsync(HttpClient admin, string userName, string role, string? jurisdictionCode = null, string? holderId = null) =>
        await Api.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role,
            email = $"{userName}@example.cn",
            language = "zh-CN",
            jurisdictionCode,
            holderId,
        }), HttpStatusCode.Created);

    private static async Task<HttpClient> SignInAsync(HttpClient client, string userName)
    {
        var answer = await Api.ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", answer["accessToken"]!.GetValue<string>());
        return client;
    }

    /// <summary>A request as it reaches the service from <paramref name="remoteAddress"/> over plain HTTP.</summary>
    private static Task<HttpContext> SendAsync(EnvironmentFactory factory, string path, string remoteAddress, string forwardedProto) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("kyq.example.gov.cn");
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        });

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(Messages));
            }
        }

        return string.Join(" | ", messages);
    }
}
