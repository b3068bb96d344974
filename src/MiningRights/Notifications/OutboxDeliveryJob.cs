using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Notifications;

namespace MiningRights.Notifications;

/// <summary>
/// Delivers due notices from the outbox. Runs on several nodes may overlap: each notice is claimed by one run before it
/// is sent (see <see cref="OutboxDispatcher"/>). Within one process a run is skipped while the last is still busy, so a
/// node never opens more than <c>Outbox:DeliveryParallelism</c> SMTP connections.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class OutboxDeliveryJob(OutboxDispatcher dispatcher, JobGate gate) : IRecurringJob
{
    public const string Id = "outbox-delivery";

    [JobDisplayName("通知投递 / Notice delivery")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, async () => (await dispatcher.DeliverDueAsync(cancellationToken)).Handled);
}
