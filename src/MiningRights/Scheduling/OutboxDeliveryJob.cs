using MiningRights.Notifications;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Delivers due notices from the outbox. Runs on several nodes may overlap: each notice is claimed by one run before it
/// is sent (see <see cref="OutboxDispatcher"/>). Within one process a run is skipped while the last is still busy, so a
/// node never opens more than <c>Outbox:DeliveryParallelism</c> SMTP connections.
/// </summary>
public sealed class OutboxDeliveryJob(OutboxDispatcher dispatcher, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, async () => (await dispatcher.DeliverDueAsync(cancellationToken)).Handled);
}
