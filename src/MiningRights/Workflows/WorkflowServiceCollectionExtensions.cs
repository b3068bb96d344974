using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Workflows;

/// <summary>How a feature folder plugs into the runtime: its activities, guards and subject kinds, from its own AddXxx.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowActivity<T>(this IServiceCollection services)
        where T : class, IWorkflowActivity =>
        services.AddSingleton<IWorkflowActivity, T>();

    public static IServiceCollection AddTransitionGuard<T>(this IServiceCollection services)
        where T : class, ITransitionGuard =>
        services.AddSingleton<ITransitionGuard, T>();

    public static IServiceCollection AddSubjectKind<T>(this IServiceCollection services)
        where T : class, ISubjectKind =>
        services.AddSingleton<ISubjectKind, T>();
}
