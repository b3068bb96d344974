using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Workflows;

namespace MiningRights.Rights;

public static class RightsServiceCollectionExtensions
{
    /// <summary>Rights and holders: the subject kind, the status activity, registration, access and reads.</summary>
    public static IServiceCollection AddRights(this IServiceCollection services) =>
        services
            .AddSubjectKind<RightSubjectKind>()
            .AddWorkflowActivity<SetRightStatusActivity>()
            .AddSingleton<JurisdictionDirectory>()
            .AddScoped<RightAccess>()
            .AddScoped<RegisterHolder>()
            .AddScoped<RegisterRight>()
            .AddScoped<RightQueries>()
            .AddScoped<RightSearch>()
            .AddScoped<HolderQueries>();
}
