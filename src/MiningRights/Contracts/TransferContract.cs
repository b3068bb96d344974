namespace MiningRights.Contracts;

/// <summary>
/// The transfer contract (出让合同) signed after a block is transacted: its parties, the block, the transfer income and
/// how it is collected (ZJ-27), and its performance clauses. Once signed it changes only by a recorded
/// <see cref="ContractAmendment"/>.
/// </summary>
public sealed class TransferContract
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Number { get; init; }

    /// <summary>The transferred block; none for a contract the authority entered for a right registered before the service (<see cref="EnterContract"/>).</summary>
    public Guid? BlockId { get; init; }

    public required Guid HolderId { get; init; }

    /// <summary>The registration authority that signed as the transferor (出让人).</summary>
    public required string AuthorityCode { get; init; }

    public required DateOnly SignedOn { get; init; }

    public required IncomeCollection Collection { get; init; }

    /// <summary>Transfer income (出让收益) in yuan, by amount; for collection by rate, the transaction price where one was bid (else 0).</summary>
    public required decimal TotalIncome { get; init; }

    /// <summary>By rate (ZJ-27a): percent of the year's sales revenue.</summary>
    public decimal? RatePercent { get; init; }

    public required string SignedBy { get; init; }

    /// <summary>The right registered under the contract, once it is.</summary>
    public Guid? RightId { get; set; }

    /// <summary>
    /// Set when the transfer was voided before registration (the first payment never came): the contract and what was
    /// paid on it are kept, and the block, back in the pool, may be transferred under a new contract.
    /// </summary>
    public DateTime? VoidedAtUtc { get; set; }

    public bool IsVoid => VoidedAtUtc is not null;

    public DateTime CreatedAtUtc { get; init; }

    public int Version { get; set; }
}
