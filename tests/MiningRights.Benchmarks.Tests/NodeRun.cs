using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Benchmarks.Scenarios;
using MiningRights.Data;
using MiningRights.Notifications;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// One PostgreSQL database with <see cref="Stages"/> reminder stages due now, each to a holder of its own at a mail
/// domain of the run's own, and the service processes (nodes) started on it, as an operator runs them.
/// </summary>
internal sealed class NodeRun : IAsyncDisposable
{
    private readonly BenchmarkContext _context;
    private readonly BenchmarkService _service;
    private readonly MailSink _mail;
    private readonly bool _ownMail;
    private readonly string _domain = $"nodes-{Guid.NewGuid():N}.test";
    private readonly ITestOutputHelper _output;

    private NodeRun(BenchmarkContext context, BenchmarkService service, MailSink mail, bool ownMail, int stages, ITestOutputHelper output)
    {
        _context = context;
        _service = service;
        _mail = mail;
        _ownMail = ownMail;
        Stages = stages;
        _output = output;
    }

    public const string AdminUser = "node-admin";
    public const string AdminPassword = "Node-Passw0rd!";

    public int Stages { get; }

    public string RepositoryRoot => _context.RepositoryRoot;

    /// <summary>The run's database.</summary>
    public string ConnectionString => _service.ConnectionString;

    /// <summary>
    /// Seeds the run. <paramref name="ownMail"/> gives it a maildev of its own, for thousands of mails that would slow
    /// every other test reading the shared one; <paramref name="postgresServer"/> a server other than the test command's.
    /// </summary>
    public static async Task<NodeRun> StartAsync(ITestOutputHelper output, int stages, bool ownMail = false, string? postgresServer = null)
    {
        var context = new BenchmarkContext(BenchmarkSettings.Parse(postgresServer is null ? ["--provider", "postgres"] : ["--provider", "postgres", "--postgres", postgresServer]), FindRepositoryRoot());
        var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, CancellationToken.None);
        var mail = ownMail ? await MailSink.StartAsync(context.RepositoryRoot, CancellationToken.None) : await context.MailAsync(CancellationToken.None);
        var run = new NodeRun(context, service, mail, ownMail, stages, output);
        await RightsWorld.SeedAsync(service, stages, due: stages, holders: stages, DateTime.UtcNow, CancellationToken.None, mailDomain: run._domain);
        return run;
    }

    /// <summary>Starts a node on the run's database and maildev; <paramref name="overrides"/> replace or add settings.</summary>
    public ServiceNode StartNode(string name, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = Settings(name);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return ServiceNode.Start(_context.RepositoryRoot, name, settings);
    }

    /// <summary>Reads the run's database directly, as the test's own witness of what the nodes wrote.</summary>
    public async Task<T> ReadAsync<T>(Func<MiningRightsDbContext, Task<T>> query)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>());
    }

    /// <summary>Outbox rows queued so far (one per stage: every holder has one contact).</summary>
    public async Task<int> QueuedAsync()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications.CountAsync();
    }

    /// <summary>Outbox rows recorded as sent.</summary>
    public async Task<HashSet<Guid>> SentIdsAsync()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications
            .Where(n => n.Status == NotificationStatus.Sent).Select(n => n.Id).ToListAsync();
        return [.. ids];
    }

    /// <summary>How many copies of each notice maildev holds.</summary>
    public async Task<Dictionary<Guid, int>> MailCopiesAsync() =>
        (await _mail.MessageIdsAsync(_domain, CancellationToken.None)).GroupBy(NoticeId).ToDictionary(g => g.Key, g => g.Count());

    public Task<int> CountAsync() => _mail.CountAsync(_domain, CancellationToken.None);

    public Task<int> WaitForSomeAsync(int count) => _mail.WaitForAsync(_domain, count, TimeSpan.FromSeconds(30), CancellationToken.None);

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>, 90 s by default) until the database records every stage's notice as
    /// sent, then a little longer for late duplicates, and returns the Message-ID of every mail maildev holds for the run.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForAllAsync(IReadOnlyList<ServiceNode> running, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var sent = 0;
        while ((sent = (await SentIdsAsync()).Count) < Stages && DateTime.UtcNow < until && running.Any(n => !n.HasExited))
        {
            await Task.Delay(500);
        }

        if (sent < Stages)
        {
            _output.WriteLine($"{sent} of {Stages} recorded as sent in time");
            foreach (var node in running)
            {
                _output.WriteLine($"--- {node.Name}{(node.HasExited ? " (exited)" : string.Empty)}:{Environment.NewLine}{node.Log}");
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        return await _mail.MessageIdsAsync(_domain, CancellationToken.None);
    }

    /// <summary>The notification id in a notice's Message-ID (<c>&lt;{id:N}@host&gt;</c>, see <see cref="NoticeMessageId"/>).</summary>
    public static Guid NoticeId(string messageId) => Guid.ParseExact(messageId.Trim('<', '>').Split('@')[0], "N");

    private Dictionary<string, string> Settings(string name) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__MiningRights"] = _service.ConnectionString,
        ["Database__MigrateAtStart"] = "false",
        ["Storage__DataDirectory"] = Path.Combine(_service.DataDirectory, name),
        ["Smtp__Host"] = _mail.SmtpHost,
        ["Smtp__Port"] = _mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jobs__DeadlineSweepSeconds"] = "1",
        ["Jobs__OutboxDeliverySeconds"] = "1",
        ["Jobs__SweepBatchSize"] = "100",
        ["Accounts__AdminUserName"] = AdminUser,
        ["Accounts__AdminPassword"] = AdminPassword,

        // A killed node's claimed but unsent notices come back to the other node after this long.
        ["Outbox__ClaimSeconds"] = "6",
    };

    public async ValueTask DisposeAsync()
    {
        if (_ownMail)
        {
            await _mail.DisposeAsync();
        }
        else
        {
            await _mail.RemoveAsync(_domain, CancellationToken.None);
        }

        await _service.DisposeAsync();
        await _context.DisposeAsync();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiningRights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MiningRights.sln not found above " + AppContext.BaseDirectory);
    }
}
