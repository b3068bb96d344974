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

    /// <summary>Declares a process the feature starts when <typeparamref name="TEvent"/> is raised elsewhere.</summary>
    public static IServiceCollection AddProcessTrigger<TEvent, TTrigger>(this IServiceCollection services)
        where TTrigger : class, IProcessTrigger<TEvent> =>
        services.AddScoped<IProcessTrigger<TEvent>, TTrigger>();

    /// <summary>Declares what the feature relies on in a workflow definition; the registry refuses to start without it.</summary>
    public static IServiceCollection AddWorkflowContract(this IServiceCollection services, WorkflowContract contract) =>
        services.AddSingleton(contract);
}
