using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Every answer carries the same protective headers, pages, API answers, problems, files and the API description
/// alike: a Content-Security-Policy of the service's own origin only (no inline script anywhere, nothing may frame a
/// page, no plugins), no Referer leaving the service, no powerful browser features, no type sniffing. The browser
/// tests check that the pages work under the policy.
/// </summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Pages_API_answers_problems_files_and_the_API_description_all_carry_the_policy_headers()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await new Api(factory).AdminAsync();
        var answers = new (string What, HttpResponseMessage Response)[]
        {
            ("page", await anonymous.GetAsync("/sign-in")),
            ("page redirecting to sign-in", await anonymous.GetAsync("/holder/deadlines")),
            ("API answer", await admin.GetAsync("/api/auth/me")),
            ("API problem", await anonymous.GetAsync("/api/rights")),
            ("unknown address", await anonymous.GetAsync("/api/no-such-thing")),
            ("static file", await anonymous.GetAsync("/site.css")),
            ("health", await anonymous.GetAsync("/health")),
            ("API document", await anonymous.GetAsync("/openapi/v1.json")),
            ("API page", await anonymous.GetAsync("/openapi/index.html")),
        };

        foreach (var (what, response) in answers)
        {
            var policy = Header(response, "Content-Security-Policy", what);
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            Assert.Equal("'self'", directives["default-src"]);
            Assert.Equal("'self'", directives["script-src"]);
            // Swagger UI, like Mermaid, styles what it draws inline; scripts stay the service's own everywhere.
            Assert.Equal(what == "API page" ? "'self' 'unsafe-inline'" : "'self'", directives["style-src"]);
            Assert.Equal("'none'", directives["frame-ancestors"]);
            Assert.Equal("'none'", directives["object-src"]);
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy", what));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy", what), StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", what));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", what));
        }
    }

    [Fact]
    public async Task A_page_drawing_a_workflow_allows_inline_styles_for_its_diagram_and_still_no_inline_script()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var authority = factory.CreateClient();
        await SignInWithCookieAsync(authority);
        var response = await authority.GetAsync("/workflows/renewal/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy", "diagram page");
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    private static async Task SignInWithCookieAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = ServiceFactory.AdminUser, password = ServiceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name, string what)
    {
        var found = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values);
        Assert.True(found, $"The {what} ({(int)response.StatusCode} {response.RequestMessage?.RequestUri}) has no {name} header.");
        return string.Join(", ", values!);
    }
}
