using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// The real service in a named environment (Development, Production) with its own clock: unlike
/// <see cref="ServiceFactory"/> nothing is replaced, so what the environment decides is what is tested. Mail goes to
/// the pickup folder in the data folder, so demo notices stay out of the shared maildev.
/// </summary>
public sealed class EnvironmentFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "root";

    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    public EnvironmentFactory(string environment, IDictionary<string, string?>? settings = null)
    {
        _environment = environment;
        DataDirectory = Path.Combine(ServiceFactory.TestDataRoot, Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Smtp:Host"] = string.Empty,
            ["Jobs:DeadlineSweepSeconds"] = "0",
            ["Jobs:OutboxDeliverySeconds"] = "0",
            ["Jobs:RunAtStart"] = "false",

            // Not "admin": in Development the demo data creates an account of that name.
            ["Accounts:AdminUserName"] = AdminUser,
            ["Accounts:AdminPassword"] = ServiceFactory.Password,
            ["Workflows:Directory"] = Path.Combine(RepositoryRoot.Find(), "workflows"),

            // Required in Production; the test server's own address.
            ["Service:PublicBaseUrl"] = "http://localhost/",
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

    public string DataDirectory { get; }

    public LogRecorder Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
