namespace MiningRights.Rights;

/// <summary>One event in a right's history: a registration, a decision, a workflow transition; each with its rule.</summary>
public sealed record HistoryEntry(DateTime AtUtc, string Actor, string What, string? RuleId, string Detail)
{
    /// <summary>For a workflow transition, the step itself, so a page can say it in words; null for an audit event.</summary>
    public HistoryStep? Step { get; init; }
}
