using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Overview;

public static class OverviewServiceCollectionExtensions
{
    /// <summary>The officers' overview: reads only.</summary>
    public static IServiceCollection AddOverview(this IServiceCollection services) => services.AddScoped<OverviewQueries>();
}
