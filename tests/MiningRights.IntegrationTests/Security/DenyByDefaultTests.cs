using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Every endpoint needs a signed-in user unless it says otherwise. The list is read from the running service, so an
/// endpoint added without a rule is caught here without anyone remembering to add it to a test.
/// </summary>
public sealed partial class DenyByDefaultTests
{
    private const string SignOut = "/api/auth/logout";

    /// <summary>The only endpoints anyone may call: sign-in, health, the API description and the public transfer announcements.</summary>
    private static readonly string[] Anonymous = ["/api/auth/login", "/health", "/openapi/{documentName}.json", "/api/public/announcements", "/api/public/announcements/{id:guid}", "/calendar/{token}.ics"];

    /// <summary>The pages anyone may open: the start page (which sends a reader on), sign-in, the language switch and the public announcements.</summary>
    private static readonly string[] AnonymousPages = ["/", "/announcements", "/announcements/{id:guid}", "/language", "/sign-in"];

    [Fact]
    public async Task Every_endpoint_not_marked_anonymous_answers_401_problem_to_a_caller_without_a_token()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var guarded = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !IsPage(e)).ToList();

        // Enough endpoints to be sure the list is the real one (rights, plans, deadlines, cases, ...).
        Assert.True(guarded.Count >= 20, $"Only {guarded.Count} guarded endpoints found.");
        foreach (var endpoint in guarded)
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = Request(endpoint, method);
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {request.RequestUri} ({endpoint.RoutePattern.RawText}) → {(int)response.StatusCode}: {body}");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {request.RequestUri}: no ProblemDetails but '{response.Content.Headers.ContentType}'");
                Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Every_page_not_marked_anonymous_sends_a_reader_without_a_cookie_to_sign_in_and_back()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(IsPage).ToList();
        Assert.Equal(AnonymousPages, pages.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(PagePath).Distinct().Order(StringComparer.Ordinal));

        var guarded = pages.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.NotEmpty(guarded);
        foreach (var page in guarded)
        {
            using var request = Request(page, "GET");
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {request.RequestUri} → {(int)response.StatusCode}");
            Assert.StartsWith("/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_sign_in_health_the_API_description_and_public_announcements_are_anonymous_and_they_answer_without_a_token()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var client = factory.CreateClient();
        var open = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsPage(e)).ToList();

        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), open.Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal));
        foreach (var endpoint in open)
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = Request(endpoint, method, documentName: "v1");
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"{method} {request.RequestUri} → 401");
            }
        }

        // The Swagger UI is served by middleware, not an endpoint: it is open too.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/index.html")).StatusCode);

        // An address that matches nothing is not a way to probe the service anonymously either.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/no-such-thing")).StatusCode);
    }

    [Theory]
    [InlineData("Holder")]
    [InlineData("Inspector")]
    [InlineData("Authority")]
    [InlineData("Admin")]
    public async Task Every_endpoint_answers_a_signed_in_role_with_unknown_ids_and_an_empty_body_without_a_500_or_someone_s_data(string role)
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var client = role switch
        {
            "Holder" => (await api.HolderAsync()).Client,
            "Admin" => await api.AdminAsync(),
            _ => await api.AccountAsync(role, "620000"),
        };
        // Signing out ends the session every other call is made with: it goes last.
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && !IsPage(e))
            .OrderBy(e => e.RoutePattern.RawText == SignOut)
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == SignOut);

        foreach (var endpoint in endpoints)
        {
            foreach (var method in Methods(endpoint))
            {
                using var request = Request(endpoint, method);
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{role}: {method} {request.RequestUri} ({endpoint.RoutePattern.RawText}) → {status}: {body}");
                if (status >= 400)
                {
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{role}: {method} {request.RequestUri}: {status} without a ProblemDetails");
                }

                // An id nobody has is never found, whoever asks: an answer with data would be someone's.
                if (method == "GET" && endpoint.RoutePattern.RawText!.Contains(":guid}", StringComparison.Ordinal))
                {
                    Assert.True(status is 403 or 404, $"{role}: GET {request.RequestUri} → {status}: {body}");
                }
            }
        }
    }

    private static bool IsPage(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
        || endpoint.Metadata.GetMetadata<MiningRights.Web.Hosting.JobDashboard.BrowserPage>() is not null;

    private static string PagePath(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    /// <summary>A request to the endpoint with every route parameter filled with a value its constraint accepts.</summary>
    private static HttpRequestMessage Request(RouteEndpoint endpoint, string method, string? documentName = null)
    {
        var path = RouteParameter().Replace(endpoint.RoutePattern.RawText!, m => m.Groups["constraint"].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" or "long" => "1",
            _ when m.Groups["name"].Value == "documentName" && documentName is not null => documentName,
            _ => "x",
        });
        var request = new HttpRequestMessage(new HttpMethod(method), path.StartsWith('/') ? path : "/" + path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
