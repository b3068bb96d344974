using MiningRights.Benchmarks.Harness;
using Xunit.Abstractions;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// One node of the built service on PostgreSQL, killed with SIGKILL ten times at random moments while it sweeps and
/// delivers 2,000 due reminder stages, and started again after each kill. Nothing is lost, no stage is queued twice,
/// and a notice goes out twice only when a kill landed between the mail server accepting it and its "sent" commit.
/// </summary>
[Trait("Database", "Explicit")]
public sealed class RepeatedKillTests(ITestOutputHelper output)
{
    private const int Stages = 2000;
    private const int Kills = 10;

    [Fact]
    public async Task Ten_kills_at_random_moments_while_sweeping_and_delivering_lose_nothing_and_repeat_only_what_was_accepted_but_not_recorded()
    {
        await using var run = await NodeRun.StartAsync(output, Stages);

        // Small sweep batches and one sweep worker, so that the sweep of 2,000 stages is a couple of hundred commits that
        // a kill can interrupt; delivery runs beside it from the first second.
        var settings = new Dictionary<string, string>
        {
            ["Jobs__SweepBatchSize"] = "10",
            ["Jobs__SweepParallelism"] = "1",
        };
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        var duringSweep = 0;
        var duringDelivery = 0;
        var landed = new List<int>();
        var copiesBefore = new Dictionary<Guid, int>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Kills in turn at a random number of stages queued (while the sweep is claiming) and at a random number of
            // mails received (while notices are delivered): a node delivers a few hundred notices a second, close behind
            // its sweep, so kills aimed at delivery cannot wait until the sweep is done. The target is drawn before the
            // node starts and watched from its first moment, since the rest of a burst can be out before its start-up
            // has been noticed.
            var queued = await run.QueuedAsync();
            var mailed = await run.CountAsync();
            var sweeping = kill % 2 == 1 && queued < Stages - 50;
            var target = sweeping
                ? queued + random.Next(1, Math.Max(2, (Stages - queued) / (Kills - kill + 2)))
                : mailed + random.Next(1, Math.Max(2, (Stages - mailed) / (Kills - kill + 2)));
            await using var node = run.StartNode($"node-{kill}", settings);
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until && !node.HasExited && (sweeping ? await run.QueuedAsync() : await run.CountAsync()) < target)
            {
                await Task.Delay(random.Next(5, 40));
            }

            node.Kill();

            // maildev may store a mail a moment after answering 250; nothing new arrives once the node is dead.
            await Task.Delay(500);
            var queuedAtKill = await run.QueuedAsync();
            var mailedAtKill = await run.CountAsync();

            // The kill landed between acceptance and commit for every notice the killed node got accepted (a copy more
            // than at the kill before) without recording it as sent.
            var copies = await run.MailCopiesAsync();
            var sent = await run.SentIdsAsync();
            var caught = copies.Where(c => !sent.Contains(c.Key)).Sum(c => c.Value - copiesBefore.GetValueOrDefault(c.Key));
            landed.Add(caught);
            copiesBefore = copies;

            // Caught in the middle of the work: stages queued or mails received by this node, and some still to come.
            if (queuedAtKill > queued && queuedAtKill < Stages)
            {
                duringSweep++;
            }

            if (mailedAtKill > mailed && mailedAtKill < Stages)
            {
                duringDelivery++;
            }

            output.WriteLine($"kill {kill}: {queuedAtKill} of {Stages} stages queued, {mailedAtKill} mails received, {caught} accepted since the kill before but not recorded as sent");
        }

        await using var last = run.StartNode("last", settings);
        var received = await run.WaitForAllAsync([last], TimeSpan.FromMinutes(3));

        var distinct = received.Distinct(StringComparer.Ordinal).Count();
        var duplicates = received.Count - distinct;
        output.WriteLine($"{duringSweep} kills while sweeping, {duringDelivery} while delivering; {received.Count} mails, {distinct} distinct, {duplicates} duplicates; " +
            $"kills landed between acceptance and commit {landed.Sum()} times");

        Assert.Equal(Stages, distinct);
        Assert.Equal(Stages, await run.QueuedAsync());
        Assert.Equal(Stages, (await run.SentIdsAsync()).Count);
        Assert.True(duringSweep >= 3, $"only {duringSweep} kills landed while the sweep was claiming");
        Assert.True(duringDelivery >= 5, $"only {duringDelivery} kills landed while notices were delivered");

        // A notice goes out again once for each kill that landed between its acceptance and its "sent" commit, and for
        // nothing else. A kill lands in at most one such window per delivery worker (Outbox:DeliveryParallelism, 4).
        Assert.Equal(landed.Sum(), duplicates);
        Assert.All(landed, caught => Assert.InRange(caught, 0, 4));
    }
}
