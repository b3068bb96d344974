namespace MiningRights.Cases;

/// <summary>What an inspector works on when an obligation is overdue or a licence has lapsed (案件).</summary>
public sealed class Case
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Unique per workflow instance and reason, so a retried transition never opens a second case.</summary>
    public required string Key { get; init; }

    public required Guid RightId { get; init; }

    public required Guid HolderId { get; init; }

    public required Guid InstanceId { get; init; }

    /// <summary>The location county of the right: the case belongs to that jurisdiction's inspectors.</summary>
    public required string JurisdictionCode { get; init; }

    public required string RuleId { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    /// <summary>1 (low) to 3 (high); the queue shows the most serious first.</summary>
    public int Severity { get; init; }

    public DateOnly? DueOn { get; init; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public DateTime OpenedAtUtc { get; init; }
}
