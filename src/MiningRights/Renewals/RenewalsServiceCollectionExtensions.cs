using Microsoft.Extensions.DependencyInjection;
using MiningRights.Rights;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.Renewals;

public static class RenewalsServiceCollectionExtensions
{
    /// <summary>Renewal of every right in force (CN-RENEW, CN-TERM) and quarterly verification of rights nearing expiry (GS-9b, GS-9c).</summary>
    public static IServiceCollection AddRenewals(this IServiceCollection services) =>
        services
            .AddTransitionGuard<RenewalTermGuard>()
            .AddWorkflowActivity<RenewTermActivity>()
            .AddSingleton<RenewalTracking>()
            .AddProcessTrigger<RightInForce, RenewalOnTerm>()
            .AddRecurringJob<RenewalCoverageJob>(RenewalCoverageJob.Id, jobs => jobs.RenewalCoverageCron)
            .AddScoped<ExpiringRights>()
            .AddWorkflowContract(new WorkflowContract("Renewals", RenewalTracking.Workflow)
            {
                Subject = Rights.RightSubjectKind.Kind,
                States = [RenewalTracking.GrantedState, .. RenewalTracking.AppliedForStates],
                Dates = [RenewalTracking.ExpiresOnDate, RenewalTracking.ApplyByDate],
            });
}
