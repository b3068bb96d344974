using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// A candidate block of ground in the transfer block project pool (出让区块项目库, GS-8b), from intake to the right it
/// becomes. Its polygon lives in <see cref="Footprint"/>, where the overlap check finds it.
/// </summary>
public sealed class TransferBlock
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The pool's number for the block, e.g. CR620923-20250301-1A2B3C.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>Minerals (矿种), comma separated.</summary>
    public required string Minerals { get; set; }

    public required string CountyCode { get; init; }

    /// <summary>The registration authority that transfers the block and will register the right.</summary>
    public required string AuthorityCode { get; init; }

    public required RightKind IntendedKind { get; init; }

    /// <summary>空白区: exploration blocks only (a blank-area right by public transfer may defer its plan, GS-9d).</summary>
    public bool BlankArea { get; init; }

    public decimal AreaKm2 { get; init; }

    /// <summary>One of the eight priority minerals of GS-8a: listed first.</summary>
    public bool PriorityMineral { get; init; }

    /// <summary>For the infrastructure of a provincial major industrial project (ZJ-25).</summary>
    public bool MajorProjectInfrastructure { get; init; }

    /// <summary>Planned mine scale, where known (a large sand-gravel-earth block may fall under ZJ-25).</summary>
    public string? MineScale { get; init; }

    /// <summary>In one of Zhejiang's 26 mountain-area counties or an island county: early intervention (ZJ-26).</summary>
    public bool MountainOrIslandCounty { get; init; }

    /// <summary>Supplied together with a sea-area or construction-land use right (ZJ-24).</summary>
    public CombinedSupply CombinedSupply { get; init; }

    public BlockStatus Status { get; set; } = BlockStatus.Pool;

    /// <summary>The annual transfer plan whose quota the block uses, if any.</summary>
    public Guid? PlanId { get; set; }

    public QuotaSource QuotaSource { get; set; }

    public TransferMode? TransferMode { get; set; }

    /// <summary>The winning bidder, or the applicant of an agreement transfer.</summary>
    public Guid? HolderId { get; set; }

    public Guid? RightId { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>A live block takes ground: no other block or right may overlap it.</summary>
    /// <summary>What a rule asks of the block to tell whether it applies: place, intended kind, transfer mode once chosen, blank area, minerals.</summary>
    public Policies.RuleSubject Scope => new(CountyCode, IntendedKind == RightKind.Exploration ? "exploration" : "mining",
        TransferMode?.ToString().ToLowerInvariant(), BlankArea, Minerals.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public bool IsLive => Status is BlockStatus.Pool or BlockStatus.Planned or BlockStatus.InTransfer;
}
