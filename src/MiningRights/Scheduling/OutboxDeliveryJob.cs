using MiningRights.Notifications;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// Delivers due notices from the outbox. Runs may overlap, in one process or on several nodes: each notice is claimed by
/// one run before it is sent (see <see cref="OutboxDispatcher"/>).
/// </summary>
public sealed class OutboxDeliveryJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DeliverDueAsync(cancellationToken);
}
