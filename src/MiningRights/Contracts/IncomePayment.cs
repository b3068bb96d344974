namespace MiningRights.Contracts;

/// <summary>A payment of transfer income received, as the authority recorded it (amount, day, bank reference).</summary>
public sealed class IncomePayment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid ContractId { get; init; }

    public required Guid InstallmentId { get; init; }

    public required decimal Amount { get; init; }

    public required DateOnly PaidOn { get; init; }

    public required string Reference { get; init; }

    public required string RecordedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }
}
