using MiningRights.Benchmarks.Harness;
using MiningRights.Benchmarks.Scenarios;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// Several nodes on one PostgreSQL database, as real processes of the built service on the system clock: 2,000
/// reminder stages fall due and every notice reaches maildev exactly once, with both nodes doing part of the work; a
/// node killed while it works leaves the rest to the other, and nothing is lost.
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

        public ServiceNode StartNode(string name) => ServiceNode.Start(_context.RepositoryRoot, name, new Dictionary<string, string>
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
        });

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
