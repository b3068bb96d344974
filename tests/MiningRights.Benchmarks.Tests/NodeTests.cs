using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Benchmarks.Scenarios;
using MiningRights.Data;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// Several nodes on one PostgreSQL database, as real processes of the built service on the system clock: 2,000
/// reminder stages fall due and every notice reaches maildev exactly once, with both nodes doing part of the work; a
/// node killed while it delivers or while it sweeps leaves the rest to the other, and nothing is lost.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class NodeTests(ITestOutputHelper output)
{
    private const int Stages = 2000;

    [Fact]
    public async Task Two_nodes_deliver_2000_due_reminders_exactly_once_and_both_do_part_of_the_work()
    {
        await using var run = await NodeRun.StartAsync(output);
        await using var first = run.StartNode("node-1");
        await using var second = run.StartNode("node-2");

        var received = await run.WaitForAllAsync([first, second]);

        output.WriteLine($"node-1: {first.Reminders} reminders swept, {first.Sent} sent; node-2: {second.Reminders} reminders swept, {second.Sent} sent");
        Assert.Equal(Stages, received.Count);
        Assert.Equal(Stages, received.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Stages, first.Reminders + second.Reminders);
        Assert.Equal(Stages, first.Sent + second.Sent);
        Assert.True(first.Reminders + first.Sent > 0, "node-1 did nothing:" + Environment.NewLine + first.Log);
        Assert.True(second.Reminders + second.Sent > 0, "node-2 did nothing:" + Environment.NewLine + second.Log);
    }

    [Fact]
    public async Task A_node_killed_while_it_delivers_leaves_the_rest_to_the_other_and_nothing_is_lost()
    {
        await using var run = await NodeRun.StartAsync(output);
        await using var doomed = run.StartNode("doomed");

        // The doomed node sweeps everything and starts delivering; the survivor joins; the doomed node is killed while
        // its delivery is under way (SIGKILL: no shutdown, claims left behind, perhaps a notice accepted but not recorded).
        var until = DateTime.UtcNow.AddSeconds(30);
        while (doomed.Reminders == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.True(doomed.Reminders > 0, "the doomed node never swept:" + Environment.NewLine + doomed.Log);
        await using var survivor = run.StartNode("survivor");
        await run.WaitForSomeAsync(100);
        doomed.Kill();
        var atKill = await run.CountAsync();
        var received = await run.WaitForAllAsync([survivor]);

        var duplicates = received.Count - received.Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"doomed: {doomed.Reminders} swept, killed with {atKill} of {Stages} in maildev; survivor: {survivor.Reminders} swept, {survivor.Sent} sent; duplicates: {duplicates}");
        Assert.InRange(atKill, 1, Stages - 1);
        Assert.Equal(Stages, received.Distinct(StringComparer.Ordinal).Count());

        // A notice the mail server accepted from the killed node before its "sent" was written goes out again: at most one
        // per delivery worker of the killed node (Outbox:DeliveryParallelism, 4).
        Assert.InRange(duplicates, 0, 4);
    }

    [Fact]
    public async Task A_node_killed_while_it_sweeps_leaves_the_rest_to_the_other_and_nothing_is_lost()
    {
        await using var run = await NodeRun.StartAsync(output);

        // Small batches and one sweep worker: the sweep of 2,000 stages is a couple of hundred commits, so the node is
        // caught with part of the stages queued (committed batches) and one batch perhaps claimed but not committed.
        await using var doomed = run.StartNode("doomed", new Dictionary<string, string>
        {
            ["Jobs__SweepBatchSize"] = "10",
            ["Jobs__SweepParallelism"] = "1",
        });

        var until = DateTime.UtcNow.AddSeconds(60);
        var queued = 0;
        while (queued < Stages / 10 && !doomed.HasExited && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
            queued = await run.QueuedAsync();
        }

        doomed.Kill();

        // Counted after the kill: what the killed node committed; its open batch, if any, is rolled back with its connections.
        var atKill = await run.QueuedAsync();
        var mailedAtKill = await run.CountAsync();
        Assert.True(atKill > 0, $"the doomed node queued nothing in 60 s (exited: {doomed.HasExited}):{Environment.NewLine}{doomed.Log}");
        Assert.True(atKill < Stages, $"the doomed node's sweep was not caught mid-way: all {Stages} stages were queued before the kill");

        await using var survivor = run.StartNode("survivor");
        var received = await run.WaitForAllAsync([survivor]);

        var duplicates = received.Count - received.Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"doomed: killed mid-sweep with {atKill} of {Stages} stages queued ({doomed.Reminders} in finished sweeps) and {mailedAtKill} in maildev; " +
            $"survivor: {survivor.Reminders} swept, {survivor.Sent} sent; duplicates: {duplicates}");
        Assert.InRange(atKill, 1, Stages - 1);
        Assert.Equal(Stages, received.Distinct(StringComparer.Ordinal).Count());

        // Every stage queued once: the killed node's committed batches and the survivor's sweeps of the rest.
        Assert.Equal(Stages, await run.QueuedAsync());
        Assert.Equal(Stages - atKill, survivor.Reminders);

        // As when a node dies delivering: a notice the mail server accepted before its "sent" was written goes out again,
        // at most one per delivery worker of the killed node (Outbox:DeliveryParallelism, 4).
        Assert.InRange(duplicates, 0, 4);
    }

    /// <summary>One database with <see cref="Stages"/> due reminder stages to holders of a domain of its own, and the nodes on it.</summary>
    private sealed class NodeRun : IAsyncDisposable
    {
        private readonly BenchmarkContext _context;
        private readonly BenchmarkService _service;
        private readonly MailSink _mail;
        private readonly string _domain = $"nodes-{Guid.NewGuid():N}.test";
        private readonly ITestOutputHelper _output;

        private NodeRun(BenchmarkContext context, BenchmarkService service, MailSink mail, ITestOutputHelper output)
        {
            _context = context;
            _service = service;
            _mail = mail;
            _output = output;
        }

        public static async Task<NodeRun> StartAsync(ITestOutputHelper output)
        {
            var context = new BenchmarkContext(BenchmarkSettings.Parse(["--provider", "postgres"]), RepositoryRoot());
            var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, CancellationToken.None);
            var run = new NodeRun(context, service, await context.MailAsync(CancellationToken.None), output);
            await RightsWorld.SeedAsync(service, Stages, due: Stages, holders: Stages, DateTime.UtcNow, CancellationToken.None, mailDomain: run._domain);
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

        /// <summary>Outbox rows queued so far (one per stage: every holder has one contact).</summary>
        public async Task<int> QueuedAsync()
        {
            await using var scope = _service.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications.CountAsync();
        }

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

            // A killed node's claimed but unsent notices come back to the other node after this long.
            ["Outbox__ClaimSeconds"] = "6",
        };

        public Task<int> CountAsync() => _mail.CountAsync(_domain, CancellationToken.None);

        public Task<int> WaitForSomeAsync(int count) => _mail.WaitForAsync(_domain, count, TimeSpan.FromSeconds(30), CancellationToken.None);

        /// <summary>Waits (at most 90 s) until maildev holds a mail for every stage, then a little longer for late duplicates.</summary>
        public async Task<IReadOnlyList<string>> WaitForAllAsync(IReadOnlyList<ServiceNode> running)
        {
            var count = await _mail.WaitForAsync(_domain, Stages, TimeSpan.FromSeconds(90), CancellationToken.None);
            if (count < Stages)
            {
                foreach (var node in running)
                {
                    _output.WriteLine($"--- {node.Name}{(node.HasExited ? " (exited)" : string.Empty)}:{Environment.NewLine}{node.Log}");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            return await _mail.MessageIdsAsync(_domain, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await _mail.RemoveAsync(_domain, CancellationToken.None);
            await _service.DisposeAsync();
            await _context.DisposeAsync();
        }

        private static string RepositoryRoot()
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
}
