namespace MiningRights.Audit;

/// <summary>A change to a right or a decision about it, kept as the right's history.</summary>
public sealed class AuditEvent
{
    public long Id { get; init; }

    public required DateTime AtUtc { get; init; }

    public required string Actor { get; init; }

    /// <summary>What happened, e.g. right.registered, license.reissued, plan.submitted.</summary>
    public required string Action { get; init; }

    public Guid? RightId { get; init; }

    public string? RuleId { get; init; }

    /// <summary>A short human-readable account of the change, in English and Chinese.</summary>
    public required string Detail { get; init; }
}
