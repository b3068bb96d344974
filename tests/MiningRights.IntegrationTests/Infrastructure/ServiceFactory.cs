using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// The real service on a real database (a SQLite file in its own data folder, or its own PostgreSQL database: see
/// <see cref="TestDatabase"/>), sending to the real SMTP server the test
/// command started (maildev). Only time is fake. Jobs run rarely so each test drives sweeps and delivery itself.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string Password = "Test-Passw0rd!";

    private readonly Dictionary<string, string?> _settings;

    public ServiceFactory(DateTimeOffset now, string? dataDirectory = null, IDictionary<string, string?>? settings = null)
    {
        Clock = new TestClock(now);
        DataDirectory = dataDirectory ?? Path.Combine(TestDataRoot, Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Smtp:Host"] = MailDev.SmtpHost,
            ["Smtp:Port"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:DeadlineSweepSeconds"] = "0",
            ["Jobs:OutboxDeliverySeconds"] = "0",
            ["Jobs:AuditSealSeconds"] = "0",
            ["Jobs:RunAtStart"] = "false",

            // The daily evaluation runs when a test calls it, never on the real clock in the middle of one.
            ["Jobs:PerformanceEvaluationCron"] = "0 0 31 2 *",
            ["Jobs:RenewalCoverageCron"] = "0 0 31 2 *",
            ["Jobs:QuarterlyVerificationCron"] = "0 0 31 2 *",
            ["Demo:Seed"] = "false",

            // Tokens and sign-in cookies outlive the months the clock is moved forward by.
            ["Accounts:TokenHours"] = "100000",
            ["Accounts:OfficerIdleMinutes"] = "6000000",
            ["Accounts:HolderIdleMinutes"] = "6000000",

            // The in-memory server gives every request the same (no) address, and the tests sign in dozens of times a
            // second; the tests of throttling set their own limits.
            ["Accounts:SignInsPerAddress"] = "1000000",
            ["Accounts:SignInsPerUserName"] = "1000000",
            ["Accounts:AdminUserName"] = AdminUser,
            ["Accounts:AdminPassword"] = Password,
            ["Workflows:Directory"] = Path.Combine(RepositoryRoot.Find(), "workflows"),

            // The tests read the API description as a client generator would; its closure outside Development is
            // tested in Production (Hosting/ProductionStartTests).
            ["Api:OpenDescription"] = "true",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory))
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>What the service logged, for tests of what it tells operators (and what it must never write down).</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Where test services keep their files: the test command's own folder, removed when it ends.</summary>
    public static string TestDataRoot =>
        Environment.GetEnvironmentVariable("MININGRIGHTS_TEST_DATA") ?? Path.Combine(Path.GetTempPath(), "miningrights-tests");

    public TestClock Clock { get; }

    public string DataDirectory { get; }

    public Task<SweepResult> SweepAsync() => Services.GetRequiredService<DeadlineSweeper>().SweepAsync(CancellationToken.None);

    /// <summary>Delivers due notices, then waits until maildev shows every notice this service has sent.</summary>
    public async Task<DeliveryResult> DeliverAsync()
    {
        var result = await Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        if (result.Sent > 0)
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var sent = await db.Notifications.Where(n => n.Status == NotificationStatus.Sent)
                .GroupBy(n => n.Recipient).Select(g => new { Recipient = g.Key, Count = g.Count() }).ToListAsync();
            await MailDev.WaitUntilReceivedAsync(sent.ToDictionary(x => x.Recipient, x => x.Count));
        }

        return result;
    }

    /// <summary>
    /// Waits for <c>/health</c> to answer 200 and returns its report. The job server registers itself in the job storage
    /// as the host starts (on PostgreSQL, in the shared database), so a node under load may answer 503 for a moment
    /// after it accepts requests; it must be healthy within 30 seconds.
    /// </summary>
    public async Task<System.Text.Json.JsonDocument> WaitUntilHealthyAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return System.Text.Json.JsonDocument.Parse(body);
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("/health still answered " + (int)response.StatusCode + " after 30 s: " + body);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Sweeps and delivers at the given moment, as the scheduled jobs would.</summary>
    public async Task RunJobsAtAsync(DateTimeOffset when)
    {
        Clock.Set(when);
        await SweepAsync();
        await DeliverAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
        });
    }
}
