
namespace MiningRights.Web.Hosting;

public static class HealthExtensions
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");

    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/health").AllowAnonymous();
}
