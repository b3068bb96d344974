namespace MiningRights.Contracts;

/// <summary>A recorded change to a signed contract (补充协议): the only way a signed contract changes.</summary>
public sealed class ContractAmendment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid ContractId { get; init; }

    public required int Sequence { get; init; }

    public required DateOnly AmendedOn { get; init; }

    public required string Reason { get; init; }

    /// <summary>What changed, as recorded (clauses replaced or added, before and after).</summary>
    public required string Change { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }
}
