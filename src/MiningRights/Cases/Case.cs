namespace MiningRights.Cases;

/// <summary>
/// What inspectors work on when an obligation is overdue or a licence has lapsed (案件). It is worked through its own
/// workflow (subject kind <c>case</c>): findings, a rectification order with its deadline, and the registration
/// authority's disposition (GS-10d).
/// </summary>
public sealed class Case
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Unique per workflow instance and reason, so a retried transition never opens a second case.</summary>
    public required string Key { get; init; }

    public required Guid RightId { get; init; }

    public required Guid HolderId { get; init; }

    /// <summary>The instance whose overdue duty or lapse opened the case.</summary>
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

    /// <summary>The right's registration authority: its officers dispose of the case.</summary>
    public string AuthorityCode { get; init; } = string.Empty;

    public CaseDisposition? Disposition { get; set; }

    /// <summary>Liquidated damages (违约金) in yuan, when that is the disposition.</summary>
    public decimal? DamagesYuan { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Every rule the case was opened under, with sources and rulebook hashes, as on the day it opened.</summary>
    public string? Citation { get; init; }
}
