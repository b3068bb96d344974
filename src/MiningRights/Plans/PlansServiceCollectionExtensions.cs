using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Plans a holder submits and the authority decides (GS-9d, GS-9e).</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services) =>
        services
            .AddScoped<SubmitPlan>()
            .AddScoped<PlanDecisionSignals>()
            .AddScoped<DecidePlan>()
            .AddScoped<PlanQueries>();
}
