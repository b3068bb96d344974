using Microsoft.Extensions.DependencyInjection;
using MiningRights.Workflows;

namespace MiningRights.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>The processes that wait for a plan today: the exploration plan deferred a year (GS-9d) and the provisional licence's plans (GS-9e).</summary>
    public static readonly IReadOnlyList<string> PlanWorkflows = ["exploration-plan-deferral", "provisional-mining-license"];

    /// <summary>
    /// Plans a holder submits and the authority decides (GS-9d, GS-9e). A plan goes to whichever running process of the
    /// right offers the <c>submitPlan</c> signal, and is decided by the signals that process marks <c>decidesPlan</c>;
    /// the processes that take plans today declare the signal, so a definition edited without it stops the start.
    /// </summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        foreach (var workflow in PlanWorkflows)
        {
            services.AddWorkflowContract(new WorkflowContract("Plans", workflow) { Subject = Rights.RightSubjectKind.Kind, Signals = [SubmitPlan.Signal] });
        }

        return services
            .AddScoped<SubmitPlan>()
            .AddScoped<PlanDecisionSignals>()
            .AddScoped<DecidePlan>()
            .AddScoped<PlanQueries>();
    }
}
