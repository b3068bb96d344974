using Microsoft.Extensions.Configuration;
using MiningRights.Policies;

namespace MiningRights.Tests.Policies;

/// <summary>The product's own rulebooks, read from the repository as the service reads them, with optional configured parameter values.</summary>
public static class TestPolicies
{
    private static readonly Lazy<(IReadOnlyList<LoadedRulebook> Rulebooks, MineralList Minerals)> Files =
        new(() => RulebookLoader.LoadDirectory(new RulebookOptions().ResolveDirectory()));

    public static PolicyBook Book { get; } = With();

    public static IReadOnlyList<LoadedRulebook> Rulebooks => Files.Value.Rulebooks;

    public static PolicyBook With(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new PolicyBook(Files.Value.Rulebooks, Files.Value.Minerals, ParameterOptions.From(configuration));
    }

    /// <summary>The parameters of a Gansu county on a day while its 2024 notice was in force.</summary>
    public static ProvinceParameters Gansu2025 => Book.Parameters("620102", new DateOnly(2025, 6, 1));
}
