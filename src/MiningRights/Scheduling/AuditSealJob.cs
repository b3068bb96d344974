using MiningRights.Audit;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>Seals the audit entries written since the last run into the hash chain; on two nodes one commits each entry.</summary>
public sealed class AuditSealJob(AuditChain chain, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("audit-seal", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, () => chain.SealAsync(cancellationToken));
}
