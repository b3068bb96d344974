using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Another site cannot act through the officer's browser: a form it makes the browser post to the API, carrying the
/// sign-in cookie but no antiforgery token, changes nothing and is a 4xx ProblemDetails. The same request with the
/// token a page of the service gives, or with a bearer token, goes through.
/// </summary>
public sealed class CookieApiAntiforgeryTests
{
    [Fact]
    public async Task A_cross_site_form_post_with_the_officers_cookie_changes_nothing_and_the_same_post_with_the_pages_token_goes_through()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var renewal = right["workflows"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == "renewal")!["instanceId"]!.GetValue<string>();
        await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { termYears = 2, reason = "继续勘查" } }), HttpStatusCode.OK);
        var grant = $"/api/workflows/instances/{renewal}/signals/grant";

        var officer = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await Sessions.LoginAsync(officer, await Sessions.AccountAsync(api, "Authority"), useCookies: true)).StatusCode);
        var before = await TableRows.CountAsync(factory.Services);

        // What a page elsewhere can make the browser send: a plain form, a multipart form, and (from a script) JSON.
        var forged = new List<HttpContent>
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["findings"] = "granted from another site" }),
            new MultipartFormDataContent { { new StringContent("granted from another site"), "findings" } },
            new StringContent("""{"values":{"findings":"granted from another site"}}""", Encoding.UTF8, "application/json"),
        };
        foreach (var content in forged)
        {
            var refused = await ProblemAssert.ReadAsync(await officer.PostAsync(grant, content), HttpStatusCode.BadRequest);
            Assert.Contains("antiforgery", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await TableRows.CountAsync(factory.Services));
        Assert.Equal("applied", (await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{renewal}"), HttpStatusCode.OK))["state"]!.GetValue<string>());

        // The service's own page hands its token to whoever reads it signed in: with it, the officer's post is taken.
        var token = await Sessions.AntiforgeryTokenAsync(officer, "/officer/queue");
        using var withToken = new MultipartFormDataContent
        {
            { new StringContent("granted with the page's token"), "findings" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in Formal.With(factory.Clock, basis: "CN-RENEW"))
        {
            withToken.Add(new StringContent(value), name);
        }

        var granted = await Api.ReadAsync(await officer.PostAsync(grant, withToken), HttpStatusCode.OK);
        Assert.Equal("granted", granted["state"]!.GetValue<string>());
    }
}
