using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.BrowserTests;

/// <summary>
/// The real service on a free loopback port (a fresh database, maildev for mail, a fake clock only) and Debian's
/// Chromium driven by Playwright, headless. Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserService : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _policyViolations = new();
    private IPlaywright? _playwright;

    public ServiceFactory Factory { get; } = new(TestClock.Shanghai(2025, 3, 1, 10));

    public Api Api => new(Factory);

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        BaseAddress = new Uri(address);
        // The scheduler joins after the host has started: the administrators' page reads it, so wait until it is up.
        await Factory.WaitUntilHealthyAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), in <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        Watch(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Slow waits (see <see cref="Slow"/>), and every Content-Security-Policy violation the browser reports on the
    /// context's console kept for <see cref="PageTest"/> to fail the test with: the pages must work under the policy,
    /// not merely load.
    /// </summary>
    public void Watch(IBrowserContext context)
    {
        Slow(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _policyViolations.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
    }

    /// <summary>The violations reported since the last call.</summary>
    public IReadOnlyList<string> TakePolicyViolations()
    {
        var taken = new List<string>();
        while (_policyViolations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    /// <summary>Waits of a minute rather than Playwright's 30 s: the test command runs on 2 cores beside other work.</summary>
    public static void Slow(IBrowserContext context)
    {
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
    }

    /// <summary>An account with a known user name (the browser signs in with it).</summary>
    public async Task<string> AccountAsync(string role, string? jurisdiction = null, Guid? holderId = null, string language = "zh-CN")
    {
        var admin = await Api.AdminAsync();
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var response = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role,
            email = $"{userName}@browser.test",
            language,
            holderId,
            jurisdictionCode = jurisdiction,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    }

    public static async Task SignInAsync(IPage page, string userName, string password = ServiceFactory.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("用户名|User name")).FillAsync(userName);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("密码|Password")).FillAsync(password);
        await page.Locator("#sign-in-submit").ClickAsync();
    }

    /// <summary>A screenshot kept with the tests (the README shows them) and as a test artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "MiningRights.BrowserTests", "Screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
