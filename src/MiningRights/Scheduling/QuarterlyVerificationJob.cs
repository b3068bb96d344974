using Microsoft.Extensions.DependencyInjection;
using MiningRights.Verification;
using MiningRights.Workflows;
using Quartz;

namespace MiningRights.Scheduling;

/// <summary>
/// At the start of each quarter (Asia/Shanghai, <c>Jobs:QuarterlyVerificationCron</c>): the verification batches of the
/// quarter for every registration authority (GS-9b). Run again it adds only what was missing (see
/// <see cref="QuarterlyVerification"/>).
/// </summary>
public sealed class QuarterlyVerificationJob(IServiceScopeFactory scopes, JobGate gate) : IJob
{
    public static readonly JobKey Key = new("quarterly-verification", "mining-rights");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await gate.RunAloneAsync(context, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<QuarterlyVerification>().RunAsync(null, Actor.System("quarterly verification"), cancellationToken)).Sum(o => o.Added);
        });
}
