namespace MiningRights.Workflows;

/// <summary>The exact JSON an instance started with, kept so the instance runs on it even after the file changes.</summary>
public sealed class DefinitionSnapshot
{
    public required string ContentHash { get; init; }

    public required string DefinitionId { get; init; }

    public required int Version { get; init; }

    public required string Json { get; init; }

    public DateTime StoredAtUtc { get; init; }
}
