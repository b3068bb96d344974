using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Imports;

public static class ImportsServiceCollectionExtensions
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services.AddScoped<ImportRegister>();
}
