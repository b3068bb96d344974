using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Composition;
using MiningRights.Workflows;

namespace MiningRights.Tests.Workflows;

/// <summary>The repository's real workflow files, the starting point every invalid definition is mutated from.</summary>
internal static class WorkflowFiles
{
    public const string PlanDeferralFile = "exploration-plan-deferral.json";

    public static string Folder { get; } = Path.Combine(FindRepositoryRoot(), "workflows");

    /// <summary>The loader as the service builds it, with every feature's activities, guards and subject kinds.</summary>
    public static WorkflowDefinitionLoader Loader()
    {
        var services = new ServiceCollection();

        // As in the host, which always has a configuration (some subject kinds read the province parameters).
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMiningRights();
        return services.BuildServiceProvider().GetRequiredService<WorkflowDefinitionLoader>();
    }

    public static string PlanDeferralJson() => File.ReadAllText(Path.Combine(Folder, PlanDeferralFile));

    /// <summary>A fresh, mutable copy of the plan-deferral definition.</summary>
    public static JsonObject PlanDeferral() => JsonNode.Parse(PlanDeferralJson())!.AsObject();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MiningRights.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds MiningRights.sln.");
    }
}
