using Microsoft.EntityFrameworkCore.Storage;

namespace MiningRights.Ground;

/// <summary>
/// The register of ground, blocks' and rights' alike: who may take a polygon, and the record of what it shares. The
/// listing feature keeps it (it knows both blocks and rights); registering a right asks it through this interface.
/// </summary>
public interface IGroundRegister
{
    /// <summary>Holds all ground until the caller's transaction commits, so two intakes at once run one after the other.</summary>
    Task<IDbContextTransaction> HoldAsync(CancellationToken ct);

    /// <summary>Refuses (422) a polygon that overlaps a live block or a right in force; answers the ground it shares with others.</summary>
    Task<IReadOnlyList<GroundSharing>> EnsureFreeAsync(BlockPolygon polygon, Guid? exceptBlockId, CancellationToken ct, IReadOnlyList<GroundPending>? pending = null);

    /// <summary>Records the overlaps of a footprint being written, in the caller's unit of work.</summary>
    Task RecordAsync(Footprint footprint, BlockPolygon polygon, IReadOnlyList<GroundSharing> sharing, CancellationToken ct);
}
