namespace MiningRights.Contracts;

/// <summary>
/// One payment of transfer income the holder owes: an installment of a total by amount (ZJ-27b), or a year's amount
/// by rate, known once the year's sales revenue is declared (ZJ-27a). Each after the first is a workflow of its own
/// (subject: the installment) with its deadline, reminders, overdue notice and case.
/// </summary>
public sealed class IncomeInstallment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid ContractId { get; init; }

    public required int Sequence { get; init; }

    public required DateOnly DueOn { get; set; }

    /// <summary>The amount due; null for a by-rate year not declared yet.</summary>
    public decimal? Amount { get; set; }

    /// <summary>By rate: the calendar year whose sales revenue is declared.</summary>
    public int? RevenueYear { get; init; }

    public decimal? Revenue { get; set; }

    public DateOnly? DeclaredOn { get; set; }

    public decimal PaidAmount { get; set; }

    /// <summary>The day the installment was paid in full.</summary>
    public DateOnly? PaidOn { get; set; }

    public int Version { get; set; }

    public decimal? Outstanding => Amount is { } amount ? amount - PaidAmount : null;
}
