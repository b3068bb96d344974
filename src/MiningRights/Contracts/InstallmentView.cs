namespace MiningRights.Contracts;

/// <summary>One installment as of <see cref="AsOf"/>: due, paid, still owed, and the late charge accrued where the province sets one (CN-LATEFEE).</summary>
public sealed record InstallmentView(
    int Sequence,
    DateOnly DueOn,
    int? RevenueYear,
    decimal? Revenue,
    decimal? Amount,
    decimal PaidAmount,
    decimal? Outstanding,
    DateOnly? PaidOn,
    int DaysLate,
    decimal LateCharge,
    DateOnly AsOf);
