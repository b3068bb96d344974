namespace MiningRights.Verification;

/// <summary>
/// One quarter's verification of the rights nearing expiry that one registration authority registered (GS-9b): the
/// Ministry's rights (100000) are verified in their province's batch, which forwards them. One batch per authority
/// and quarter; running the quarterly job again only adds rights that were missing.
/// </summary>
public sealed class VerificationBatch
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The registration authority that owns the batch and receives its results (a province for the Ministry's rights).</summary>
    public required string AuthorityCode { get; init; }

    /// <summary>The quarter, as <c>2026-Q1</c>.</summary>
    public required string Quarter { get; init; }

    /// <summary>The first and the last day on which a right's expiry puts it in the batch.</summary>
    public required DateOnly WindowFrom { get; init; }

    public required DateOnly WindowTo { get; init; }

    public required DateTime CreatedAtUtc { get; init; }
}
