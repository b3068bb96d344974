using Hangfire;
using MiningRights.Scheduling;
using MiningRights.Audit;

namespace MiningRights.Audit;

/// <summary>Seals the audit entries written since the last run into the hash chain; on two nodes one commits each entry.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class AuditSealJob(AuditChain chain, JobGate gate) : IRecurringJob
{
    public const string Id = "audit-seal";

    [JobDisplayName("审计记录封存（哈希链） / Audit trail sealing (hash chain)")]
    public Task<string> RunAsync(CancellationToken cancellationToken) =>
        gate.RunAloneAsync(Id, () => chain.SealAsync(cancellationToken));
}
