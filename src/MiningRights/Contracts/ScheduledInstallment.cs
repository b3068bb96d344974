namespace MiningRights.Contracts;

/// <summary>One installment of transfer income (出让收益) paid by amount (ZJ-27b); <paramref name="Sequence"/> counts from 1.</summary>
public sealed record ScheduledInstallment(int Sequence, DateOnly DueOn, decimal Amount);
