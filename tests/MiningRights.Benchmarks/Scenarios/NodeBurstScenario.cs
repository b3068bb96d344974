using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Notifications;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N reminder stages falling due at once on a PostgreSQL database that <paramref name="nodes"/> running processes of
/// the built service share (<c>one-node</c>, <c>two-nodes</c>): swept, queued and delivered to maildev by the nodes'
/// own schedules (every second), as in production. The nodes are started and up before the stages are written in one
/// commit; timed: from that commit until every notice is recorded sent (after maildev accepted it). Checked: one mail per stage, distinct
/// Message-IDs, every row Sent, and the nodes' logs account for every reminder and send; the note gives the split.
/// Two nodes are measured beside one node on the same burst in the same run (their floor: what the second node should
/// beat).
/// </summary>
public sealed class NodeBurstScenario(int nodes) : IBenchmarkScenario
{
    public string Name => nodes == 1 ? "one-node" : "two-nodes";

    public string Unit => "stages";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [20] : settings.Burst;

    public string? CannotRun(BenchmarkSettings settings) =>
        settings.OnPostgres ? null : "service nodes share a PostgreSQL database (--provider postgres)";

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var (elapsed, note) = await BurstAsync(context, size, nodes, cancellationToken);
        return nodes == 1
            ? new Measurement(elapsed, size, note)
            : new Measurement(elapsed, size, note, new Floor("one node on the same burst", (await BurstAsync(context, size, 1, cancellationToken)).Elapsed));
    }

    private static async Task<int> SentAsync(BenchmarkService service, CancellationToken ct)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications.CountAsync(n => n.Status == NotificationStatus.Sent, ct);
    }

    private static async Task<(TimeSpan Elapsed, string? Note)> BurstAsync(BenchmarkContext context, int size, int nodeCount, CancellationToken cancellationToken)
    {
        var mail = await context.MailAsync(cancellationToken);
        var domain = $"nodes-{Guid.NewGuid():N}.test";
        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        var running = new List<ServiceNode>();
        try
        {
            for (var i = 1; i <= nodeCount; i++)
            {
                running.Add(ServiceNode.Start(context.RepositoryRoot, $"node-{i}", new Dictionary<string, string>
                {
                    ["Database__Provider"] = "Postgres",
                    ["ConnectionStrings__MiningRights"] = service.ConnectionString,
                    ["Database__MigrateAtStart"] = "false",
                    ["Storage__DataDirectory"] = Path.Combine(service.DataDirectory, $"node-{i}"),
                    ["Smtp__Host"] = mail.SmtpHost,
                    ["Smtp__Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
                    ["Outbox__DeliveryParallelism"] = context.Settings.Parallelism.ToString(CultureInfo.InvariantCulture),
                    ["Jobs__DeadlineSweepSeconds"] = "1",
                    ["Jobs__OutboxDeliverySeconds"] = "1",
                }));
            }

            foreach (var node in running)
            {
                await node.WaitUntilStartedAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }

            // Up to 50,000 rights are one commit (RightsWorld.RowsPerCommit): every stage falls due at the same moment.
            var committed = await RightsWorld.SeedAsync(service, size, due: size, holders: size, DateTime.UtcNow, cancellationToken, mailDomain: domain);
            var timeout = TimeSpan.FromSeconds(60 + (size / 10.0));

            // Every notice recorded sent, which a node does once maildev has accepted it (polling the database: listing
            // maildev's mail, whole messages, every 100 ms would cost maildev more than receiving them); then maildev
            // holds every one.
            var sentBy = DateTime.UtcNow + timeout;
            while (await SentAsync(service, cancellationToken) < size && DateTime.UtcNow < sentBy)
            {
                await Task.Delay(100, cancellationToken);
            }

            var elapsed = Stopwatch.GetElapsedTime(committed);
            var received = await mail.WaitForAsync(domain, size, TimeSpan.FromSeconds(30), cancellationToken);
            if (received < size)
            {
                throw new InvalidOperationException($"{size} due stages, but maildev holds {received} mails for them after {(timeout + TimeSpan.FromSeconds(30)).TotalSeconds:F0} s.");
            }

            // The nodes log a delivery run when it ends, a moment after its last mail arrived.
            var logged = DateTime.UtcNow.AddSeconds(30);
            while ((running.Sum(n => n.Sent) < size || running.Sum(n => n.Reminders) < size) && DateTime.UtcNow < logged)
            {
                await Task.Delay(50, cancellationToken);
            }

            var ids = await mail.MessageIdsAsync(domain, cancellationToken);
            await using (var scope = service.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
                var queued = await db.Notifications.CountAsync(cancellationToken);
                var sent = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent, cancellationToken);
                var swept = running.Sum(n => n.Reminders);
                var delivered = running.Sum(n => n.Sent);
                if (ids.Count != size || ids.Distinct(StringComparer.Ordinal).Count() != size || queued != size || sent != size || swept != size || delivered != size)
                {
                    throw new InvalidOperationException(
                        $"{size} due stages: maildev holds {ids.Count} mails ({ids.Distinct(StringComparer.Ordinal).Count()} Message-IDs), " +
                        $"{queued} queued, {sent} Sent; the nodes logged {swept} reminders and {delivered} sends.");
                }
            }

            var note = nodeCount == 1
                ? null
                : "swept " + string.Join(" / ", running.Select(n => n.Reminders.ToString(CultureInfo.InvariantCulture))) +
                  ", sent " + string.Join(" / ", running.Select(n => n.Sent.ToString(CultureInfo.InvariantCulture)));
            return (elapsed, note);
        }
        finally
        {
            foreach (var node in running)
            {
                await node.DisposeAsync();
            }

            await mail.RemoveAsync(domain, CancellationToken.None);
        }
    }
}
