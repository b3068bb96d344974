namespace MiningRights.Contracts;

/// <summary>A transfer contract with its clauses, its installments as of today (late charge included), payments and amendments.</summary>
public sealed record ContractView(
    Guid Id,
    string Number,
    Guid BlockId,
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
