using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Pages;

/// <summary>
/// A browser that ends on a refusal or a failure reads a page in its language with a way back; an API client keeps its
/// ProblemDetails. Chinese arrives as UTF-8 text, not as numeric character references.
/// </summary>
public sealed class ErrorPageTests : IClassFixture<ErrorPageTests.Service>
{
    private readonly Service _service;

    public ErrorPageTests(Service service) => _service = service;

    [Fact]
    public async Task Pages_carry_Chinese_as_text_not_as_character_references()
    {
        using var response = await _service.Anonymous.SendAsync(Html("/sign-in", "zh-CN"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        Assert.Contains("登录", html, StringComparison.Ordinal);
        Assert.Contains("矿业权全周期管理", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"&#x(?:[34][0-9A-F]{3}|[5-9][0-9A-F]{3}|F[F][0-9A-F]{2}|300[0-9A-F]);", html);
    }

    [Fact]
    public async Task An_unknown_address_and_an_unknown_right_give_the_not_found_page_in_the_readers_language()
    {
        using var nothing = await _service.Admin.SendAsync(Html("/nothing", "zh-CN"));
        await AssertPageAsync(nothing, HttpStatusCode.NotFound, "zh-CN", "页面不存在");

        using var unknownRight = await _service.Admin.SendAsync(Html($"/rights/{Guid.NewGuid()}", "en-GB,en;q=0.9"));
        await AssertPageAsync(unknownRight, HttpStatusCode.NotFound, "en", "Page not found");

        // No language asked for: Chinese first.
        using var plain = await _service.Admin.SendAsync(Html("/nothing/at/all", null));
        await AssertPageAsync(plain, HttpStatusCode.NotFound, "zh-CN", "页面不存在");
    }

    [Fact]
    public async Task A_page_of_another_role_gives_the_forbidden_page_with_a_way_back()
    {
        using var response = await _service.Admin.SendAsync(Html("/holder/rights", "zh-CN"));
        var html = await AssertPageAsync(response, HttpStatusCode.Forbidden, "zh-CN", "无权访问");

        Assert.Contains("href=\"/sign-in\"", html, StringComparison.Ordinal);

        using var english = await _service.Admin.SendAsync(Html("/holder/rights", "en"));
        await AssertPageAsync(english, HttpStatusCode.Forbidden, "en", "Not yours to open");
    }

    [Fact]
    public async Task A_failure_and_a_busy_service_give_their_pages_and_nothing_of_the_internals()
    {
        using var failed = await _service.Admin.SendAsync(Html(Service.FailingPath, "zh-CN"));
        var html = await AssertPageAsync(failed, HttpStatusCode.InternalServerError, "zh-CN", "系统出错");
        Assert.DoesNotContain(Service.FailureMessage, html, StringComparison.Ordinal);

        using var busy = await _service.Admin.SendAsync(Html(Service.BusyPath, "en"));
        await AssertPageAsync(busy, HttpStatusCode.ServiceUnavailable, "en", "Service busy");
    }

    [Fact]
    public async Task The_API_and_clients_that_do_not_ask_for_HTML_keep_their_ProblemDetails()
    {
        using var api = await _service.Admin.SendAsync(Html("/api/nothing", "zh-CN"));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        using var unknownRight = await _service.Admin.SendAsync(Html($"/api/rights/{Guid.NewGuid()}", "zh-CN"));
        Assert.Equal(HttpStatusCode.NotFound, unknownRight.StatusCode);
        Assert.Equal("application/problem+json", unknownRight.Content.Headers.ContentType?.MediaType);

        using var jsonClient = await _service.Admin.GetAsync("/nothing");
        Assert.Equal(HttpStatusCode.NotFound, jsonClient.StatusCode);
        Assert.Equal("application/problem+json", jsonClient.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage Html(string path, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return request;
    }

    private static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string language, string title)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\" id=\"back-home\"", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>
    /// The service with two test addresses past every page and endpoint: one that throws (an unexpected failure, through
    /// the exception handler) and one that answers 503 without a body (a busy service, through the status code pages).
    /// </summary>
    public sealed class Service : IAsyncLifetime, IDisposable
    {
        public const string FailingPath = "/test-fault/failure";
        public const string BusyPath = "/test-fault/busy";
        public const string FailureMessage = "a test failure with internals";

        private readonly ServiceFactory _factory = new(TestClock.Shanghai(2025, 3, 3, 10));
        private WebApplicationFactory<Program>? _faulty;

        public HttpClient Anonymous { get; private set; } = null!;

        /// <summary>The administrator signed in by cookie, as a browser.</summary>
        public HttpClient Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _faulty = _factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddTransient<IStartupFilter, FaultFilter>()));
            Anonymous = Browser();
            Admin = Browser();
            var login = await Admin.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = ServiceFactory.AdminUser, password = ServiceFactory.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            _faulty?.Dispose();
            _factory.Dispose();
        }

        private HttpClient Browser()
        {
            var client = _faulty!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "10.23.4.1");
            return client;
        }

        /// <summary>Added after the service's own pipeline, so a request reaches it only where no page or endpoint answered.</summary>
        private sealed class FaultFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use(async (context, further) =>
                {
                    if (context.Request.Path == FailingPath)
                    {
                        throw new InvalidOperationException(FailureMessage);
                    }

                    if (context.Request.Path == BusyPath)
                    {
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        return;
                    }

                    await further(context);
                });
            };
        }
    }
}
