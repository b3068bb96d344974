using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Notifications;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N pending notices in the outbox, delivered by one <see cref="OutboxDispatcher.DeliverDueAsync"/> to maildev over
/// SMTP. Timed: the dispatcher call. Checked afterwards: every row Sent and exactly N mails in maildev.
/// </summary>
public sealed class DeliveryScenario : IBenchmarkScenario
{
    public string Name => "delivery";

    public string Unit => "notices";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [20] : settings.Notices;

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var mail = await context.MailAsync(cancellationToken);
        var domain = $"bench-{Guid.NewGuid():N}.test";
        await using var service = await context.CreateServiceAsync(
            new Dictionary<string, string?>
            {
                ["Smtp:Host"] = mail.SmtpHost,
                ["Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Outbox:DeliveryParallelism"] = context.Settings.Parallelism.ToString(CultureInfo.InvariantCulture),
            },
            null,
            cancellationToken);

        var now = DateTime.UtcNow;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.Notifications.AddRange(Enumerable.Range(0, size).Select(i => PendingNotices.Create(i, $"holder{i % 100}@{domain}", now)));
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            var dispatcher = service.Services.GetRequiredService<OutboxDispatcher>();
            var clock = Stopwatch.StartNew();
            var result = await dispatcher.DeliverDueAsync(cancellationToken);
            clock.Stop();

            await using (var scope = service.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
                var sent = await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent, cancellationToken);
                if (result.Sent != size || sent != size)
                {
                    throw new InvalidOperationException($"{size} notices, but the dispatcher reported {result.Sent} sent ({result.Retrying} retrying, {result.Dead} dead) and {sent} rows are Sent.");
                }
            }

            var received = await mail.WaitForAsync(domain, size, TimeSpan.FromSeconds(60), cancellationToken);
            if (received != size)
            {
                throw new InvalidOperationException($"{size} notices sent, but maildev holds {received} mails for them.");
            }

            return new Measurement(clock.Elapsed, size);
        }
        finally
        {
            await mail.RemoveAsync(domain, CancellationToken.None);
        }
    }
}
