using System.Text.Json.Nodes;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>A block of the pool as officers and its transferee see it, with its polygon and the transfer running on it.</summary>
public sealed record BlockView(
    Guid Id,
    string Code,
    string Name,
    string[] Minerals,
    string CountyCode,
    string AuthorityCode,
    RightKind IntendedKind,
    bool BlankArea,
    decimal AreaKm2,
    bool PriorityMineral,
    bool MajorProjectInfrastructure,
    Rights.MineScale? MineScale,
    bool MountainOrIslandCounty,
    CombinedSupply CombinedSupply,
    BlockStatus Status,
    Guid? PlanId,
    QuotaSource QuotaSource,
    TransferMode? TransferMode,
    Guid? HolderId,
    Guid? RightId,
    Guid? ContractId,
    JsonObject? Polygon,
    IReadOnlyList<BlockWorkflowView> Workflows);
