namespace MiningRights.Contracts;

/// <summary>A transfer contract (its block, or none for one entered for a right registered before the service) with its clauses, its installments as of today (late charge included), payments and amendments.</summary>
public sealed record ContractView(
    Guid Id,
    string Number,
    Guid? BlockId,
    Guid HolderId,
    string AuthorityCode,
    DateOnly SignedOn,
    IncomeCollection Collection,
    decimal TotalIncome,
    string TotalIncomeText,
    decimal? RatePercent,
    Guid? RightId,
    IReadOnlyList<ContractClause> Clauses,
    IReadOnlyList<InstallmentView> Installments,
    IReadOnlyList<IncomePayment> Payments,
    IReadOnlyList<ContractAmendment> Amendments);
