using Microsoft.Extensions.DependencyInjection;
using MiningRights.Workflows;

namespace MiningRights.Licensing;

public static class LicensingServiceCollectionExtensions
{
    /// <summary>The provisional mining licence (GS-9e): its activities, its guard and the expert review.</summary>
    public static IServiceCollection AddLicensing(this IServiceCollection services) =>
        services
            .AddWorkflowActivity<MarkProvisionalActivity>()
            .AddWorkflowActivity<ReissueLicenseActivity>()
            .AddTransitionGuard<ServiceLifeWithinCapGuard>()
            .AddScoped<RecordExpertReview>();
}
