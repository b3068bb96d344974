using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>Accounts with a known name, sign-ins by API and by page, and the antiforgery token a page carries.</summary>
public static partial class Sessions
{
    public const string CookieName = ".AspNetCore.Identity.Application";

    /// <summary>A new account in <paramref name="role"/>, made by the administrator; returns its user name.</summary>
    public static async Task<string> AccountAsync(Api api, string role, string? jurisdictionCode = "620000", Guid? holderId = null) =>
        (await api.CreateAccountAsync(role, holderId is null ? jurisdictionCode : null, holderId)).UserName;

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password = ServiceFactory.Password, bool useCookies = false) =>
        client.PostAsJsonAsync(useCookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", new { userName, password });

    /// <summary>A bearer token of a fresh sign-in.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var login = await Api.ReadAsync(await LoginAsync(client, userName), HttpStatusCode.OK);
        return login["accessToken"]!.GetValue<string>();
    }

    /// <summary>A client that keeps cookies but follows no redirect, so a test sees where a page sends it.</summary>
    public static HttpClient Browser(ServiceFactory factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>, as the browser would post it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"{page} carries no antiforgery token");
        return token.Groups["value"].Value;
    }

    /// <summary>Signs in on the sign-in page as a browser does: the page, then its form with the token.</summary>
    public static async Task<HttpResponseMessage> PageSignInAsync(HttpClient browser, string userName, string password = ServiceFactory.Password)
    {
        var token = await AntiforgeryTokenAsync(browser, "/sign-in");
        return await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The sign-in cookie an answer sets, as a request sends it back (name=value).</summary>
    public static string SignInCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A problem without its trace id: what two refusals must share to be told apart by nothing.</summary>
    public static string WithoutTraceId(JsonObject problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        return copy.ToJsonString();
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<value>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
