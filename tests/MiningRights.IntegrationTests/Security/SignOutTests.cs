using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Signing out ends the session on the server, not only in the browser: a copy of the cookie taken before is refused
/// after, and so is a bearer token after <c>POST /api/auth/logout</c>. A cookie nobody uses dies after the idle time of
/// its role (30 minutes for officers, 60 for holders), however long it was used before.
/// </summary>
public sealed class SignOutTests
{
    private const string Browser = "198.51.100.30";

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it_by_the_pages_and_the_API()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var userName = await Sessions.AccountAsync(new Api(factory), "Authority");
        var browser = Sessions.Browser(factory, Browser);
        var signedIn = await Sessions.PageSignInAsync(browser, userName);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copy = Sessions.SignInCookie(signedIn);

        // The copy works like the browser's own while the session lasts.
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(factory, copy, "/officer/queue")).StatusCode);
        await Api.ReadAsync(await ReplayAsync(factory, copy, "/api/auth/me"), HttpStatusCode.OK);

        var token = await Sessions.AntiforgeryTokenAsync(browser, "/officer/queue");
        var signedOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.EndsWith("/announcements", signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await ReplayAsync(factory, copy, "/officer/queue");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await ProblemAssert.ReadDenialAsync(await ReplayAsync(factory, copy, "/api/auth/me"), HttpStatusCode.Unauthorized);

        // Signing in again starts a new session that works.
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(browser, userName)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/officer/queue")).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_is_refused_after_POST_api_auth_logout_which_the_API_description_documents()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var userName = await Sessions.AccountAsync(new Api(factory), "Holder", holderId: (await new Api(factory).HolderAsync()).Id);
        var client = factory.CreateClient();
        var token = await Sessions.TokenAsync(client, userName);
        await Api.ReadAsync(await SendAsync(client, HttpMethod.Get, "/api/auth/me", token), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Post, "/api/auth/logout", token)).StatusCode);
        await ProblemAssert.ReadDenialAsync(await SendAsync(client, HttpMethod.Get, "/api/auth/me", token), HttpStatusCode.Unauthorized);
        await ProblemAssert.ReadDenialAsync(await SendAsync(client, HttpMethod.Get, "/api/deadlines", token), HttpStatusCode.Unauthorized);

        var fresh = await Sessions.TokenAsync(client, userName);
        await Api.ReadAsync(await SendAsync(client, HttpMethod.Get, "/api/auth/me", fresh), HttpStatusCode.OK);

        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var logout = document["paths"]!["/api/auth/logout"]!["post"]!;
        Assert.Contains("Sign out", logout["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(logout["responses"]!["204"]);
    }

    [Fact]
    public async Task A_sign_in_cookie_dies_after_its_roles_idle_time_and_lives_on_while_it_is_used()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), settings: new Dictionary<string, string?>
        {
            ["Accounts:OfficerIdleMinutes"] = "30",
            ["Accounts:HolderIdleMinutes"] = "60",
        });
        var api = new Api(factory);
        var officer = await CookieClientAsync(factory, await Sessions.AccountAsync(api, "Authority"));
        var holder = await CookieClientAsync(factory, await Sessions.AccountAsync(api, "Holder", holderId: (await api.HolderAsync()).Id));

        // Used every 20 to 25 minutes, the officer's session goes on for well past its 30 minutes...
        foreach (var minutes in new[] { 20, 25, 25 })
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await Api.ReadAsync(await officer.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        }

        // ... and the holder's, idle for 70 minutes by now, has ended; an officer's idle 31 minutes ends too.
        await ProblemAssert.ReadDenialAsync(await holder.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await ProblemAssert.ReadDenialAsync(await officer.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        var page = await officer.GetAsync("/officer/queue");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A holder's cookie idle for 45 minutes is still good (an officer's would not be); after 61 it is not.
        var holderAgain = await CookieClientAsync(factory, await Sessions.AccountAsync(api, "Holder", holderId: (await api.HolderAsync()).Id));
        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        await Api.ReadAsync(await holderAgain.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await ProblemAssert.ReadDenialAsync(await holderAgain.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    private static async Task<HttpClient> CookieClientAsync(ServiceFactory factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(client, userName, useCookies: true)).StatusCode);
        return client;
    }

    /// <summary>A request carrying only the copied cookie, as someone who took it would send it.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(ServiceFactory factory, string cookie, string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
