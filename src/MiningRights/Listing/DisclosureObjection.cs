namespace MiningRights.Listing;

/// <summary>An objection (异议) raised while an agreement transfer is disclosed, recorded and then decided by the authority.</summary>
public sealed class DisclosureObjection
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid BlockId { get; init; }

    public required Guid InstanceId { get; init; }

    /// <summary>Who raised it, as they named themselves.</summary>
    public required string Objector { get; init; }

    public required string Grounds { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required string RecordedBy { get; init; }

    public ObjectionDecision? Decision { get; set; }

    public string? DecisionReasons { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public int Version { get; set; }
}
