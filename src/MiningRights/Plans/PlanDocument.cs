namespace MiningRights.Plans;

/// <summary>
/// A plan a holder submitted: the exploration implementation plan (勘查实施方案, GS-9d) or the mineral-resources
/// development and restoration plan (矿产资源开发与恢复治理方案, GS-9e), with the file's hash and the review.
/// </summary>
public sealed class PlanDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid RightId { get; init; }

    public required Guid HolderId { get; init; }

    public required Guid InstanceId { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public required string StoragePath { get; init; }

    public required string SubmittedBy { get; init; }

    public DateTime SubmittedAtUtc { get; init; }

    /// <summary>True when submitted after its due date had passed.</summary>
    public bool Late { get; init; }

    public string? MineScale { get; init; }

    public int? ServiceLifeYears { get; init; }

    public string? MiningMethod { get; init; }

    /// <summary>Design capacity in 10⁴ t per year (万吨/年).</summary>
    public decimal? DesignCapacity { get; init; }

    public PlanStatus Status { get; set; } = PlanStatus.Submitted;

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>Reasons for a return, or the expert panel's findings.</summary>
    public string? ReviewNotes { get; set; }

    public DateOnly? ExpertReviewOn { get; set; }

    public string? ExpertPanel { get; set; }
}
