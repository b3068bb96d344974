namespace MiningRights.Contracts;

/// <summary>A performance clause of a transfer contract (GS-10a), kept with its clause number for the obligations built on it.</summary>
public sealed class ContractClause
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid ContractId { get; init; }

    /// <summary>The clause's number in the contract, e.g. "第八条" or "8.2".</summary>
    public required string Number { get; set; }

    public required ClauseKind Kind { get; set; }

    public required string TextZh { get; set; }

    public required string TextEn { get; set; }

    /// <summary>A date the clause fixes (work to start by, construction to finish by), if any.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>An amount the clause fixes (minimum investment per contract year, in yuan), if any.</summary>
    public decimal? AmountYuan { get; set; }

    /// <summary>The amendment that last changed the clause, if one did.</summary>
    public int? AmendmentSequence { get; set; }
}
