namespace MiningRights.Verification;

/// <summary>
/// One right of a batch, for its location county to verify (GS-9b). The result goes to <see cref="ReportsTo"/>: the
/// batch's authority, so a province-level right's result goes straight to the province, not through the city (GS-9c).
/// What the county found, and the authority's decision on it, are the task's workflow (verification-task.json).
/// </summary>
public sealed class VerificationTask
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid BatchId { get; init; }

    public required Guid RightId { get; init; }

    /// <summary>The right's location county, whose officers verify it.</summary>
    public required string CountyCode { get; init; }

    /// <summary>Who receives and decides on the result: the batch's authority.</summary>
    public required string ReportsTo { get; init; }

    /// <summary>The right's expiry when the task was made.</summary>
    public required DateOnly ExpiresOn { get; init; }

    public required DateTime CreatedAtUtc { get; init; }
}
