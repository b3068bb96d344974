using MiningRights.Benchmarks.Harness;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// Several nodes on one PostgreSQL database, as real processes of the built service on the system clock: 10,000
/// reminder stages fall due and every notice reaches maildev exactly once, with both nodes doing part of the work; a
/// node killed while it delivers or while it sweeps 2,000 leaves the rest to the other, and nothing is lost.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class NodeTests(ITestOutputHelper output)
{
    private const int Stages = 2000;

    [Fact]
    public async Task Two_nodes_deliver_10000_due_reminders_exactly_once_and_both_do_part_of_the_work()
    {
        const int Many = 10_000;
        await using var run = await NodeRun.StartAsync(output, Many, ownMail: true);
        await using var first = run.StartNode("node-1");
        await using var second = run.StartNode("node-2");

        var received = await run.WaitForAllAsync([first, second], TimeSpan.FromMinutes(8));

        output.WriteLine($"node-1: {first.Reminders} reminders swept, {first.Sent} sent; node-2: {second.Reminders} reminders swept, {second.Sent} sent");
        Assert.Equal(Many, received.Count);
        Assert.Equal(Many, received.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Many, first.Reminders + second.Reminders);
        Assert.Equal(Many, first.Sent + second.Sent);
        Assert.True(first.Reminders + first.Sent > 0, "node-1 did nothing:" + Environment.NewLine + first.Log);
        Assert.True(second.Reminders + second.Sent > 0, "node-2 did nothing:" + Environment.NewLine + second.Log);
    }

    [Fact]
    public async Task A_node_killed_while_it_delivers_leaves_the_rest_to_the_other_and_nothing_is_lost()
    {
        await using var run = await NodeRun.StartAsync(output, Stages);
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
        await using var run = await NodeRun.StartAsync(output, Stages);

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
}
