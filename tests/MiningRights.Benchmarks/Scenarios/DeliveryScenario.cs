using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Notifications;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N pending notices in the outbox, delivered by one <see cref="OutboxDispatcher.DeliverDueAsync"/> to maildev over
/// SMTP. Timed: the dispatcher call. Checked afterwards: every row Sent and exactly N mails in maildev. The floor, in
/// the same run: the same notices rendered as the service renders them (<see cref="NoticeMessage"/>), sent to the same
/// maildev by bare MailKit clients over as many kept connections as the service's workers, with no outbox around them,
/// once the service's mails are removed from maildev.
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

            // The floor's mail server holds what the service's did when it began: the service's mails are gone.
            await mail.RemoveAsync(domain, cancellationToken);
            var floor = await RawSendAsync(mail, service.Services.GetRequiredService<IOptions<SmtpOptions>>().Value, size, context.Settings.Parallelism, now, cancellationToken);
            return new Measurement(clock.Elapsed, size, Floor: new Floor($"MailKit alone, {context.Settings.Parallelism} connections", floor));
        }
        finally
        {
            await mail.RemoveAsync(domain, CancellationToken.None);
        }
    }

    /// <summary>The same messages over <paramref name="connections"/> kept connections with nothing but the client; the time of the sends.</summary>
    private static async Task<TimeSpan> RawSendAsync(MailSink mail, SmtpOptions options, int size, int connections, DateTime now, CancellationToken ct)
    {
        var domain = $"bench-raw-{Guid.NewGuid():N}.test";
        var messages = new System.Collections.Concurrent.ConcurrentQueue<MimeKit.MimeMessage>(
            Enumerable.Range(0, size).Select(i => NoticeMessage.Compose(PendingNotices.Create(i, $"holder{i % 100}@{domain}", now), options)));
        var clients = new List<SmtpClient>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var client = new SmtpClient();
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(mail.SmtpHost, mail.SmtpPort, ct);
                await client.ConnectAsync(socket, mail.SmtpHost, mail.SmtpPort, SecureSocketOptions.None, ct);
                clients.Add(client);
            }

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async client =>
            {
                while (messages.TryDequeue(out var message))
                {
                    await client.SendAsync(message, ct);
                }
            }));
            clock.Stop();

            var received = await mail.WaitForAsync(domain, size, TimeSpan.FromSeconds(60), ct);
            return received == size ? clock.Elapsed : throw new InvalidOperationException($"{size} mails sent raw, but maildev holds {received} of them.");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisconnectAsync(true, CancellationToken.None);
                client.Dispose();
            }

            await mail.RemoveAsync(domain, CancellationToken.None);
        }
    }
}
