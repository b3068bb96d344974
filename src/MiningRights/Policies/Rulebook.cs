using System.Text.Json.Serialization;

namespace MiningRights.Policies;

/// <summary>
/// One issuer's rules as a data file: the national rulebook (CN-), a province's notice (Gansu 2024, Zhejiang 2023) or a
/// renewed policy an administrator adds. Its window is the document's; a rule may narrow it.
/// </summary>
public sealed record Rulebook
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Lower-case letters, digits and hyphens, e.g. <c>gansu-2024</c>; unique among the rulebooks loaded.</summary>
    public required string Id { get; init; }

    /// <summary>Six-digit code of the issuer: 100000 (national) or a province's code.</summary>
    public required string Issuer { get; init; }

    public required LocalizedText IssuerName { get; init; }

    /// <summary>The document every rule is in unless it names its own.</summary>
    public RulebookDocument? Document { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidUntil { get; init; }

    /// <summary>Parameters of the issuer's that belong to no single rule (the reminder schedule); in force with the rulebook.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    public required IReadOnlyList<PolicyRule> Rules { get; init; }
}
