namespace MiningRights.Workflows;

/// <summary>
/// One run of a workflow for one right, pinned to the definition version and content hash it started with.
/// <see cref="Version"/> is the concurrency token: of two transitions racing on one instance, one commits.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required string DefinitionHash { get; init; }

    public required Guid RightId { get; init; }

    public required Guid HolderId { get; init; }

    public required string State { get; set; }

    public bool Finished { get; set; }

    /// <summary>Named dates (registeredOn, planDue, returnedOn, ...) as a JSON object of ISO dates.</summary>
    public string DatesJson { get; set; } = "{}";

    /// <summary>Named values given at start or by signals (plan ids, obligation titles, parameters used).</summary>
    public string DataJson { get; set; } = "{}";

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<JournalEntry> Journal { get; init; } = [];
}
