using MiningRights.Deadlines;

namespace MiningRights.Rights;

/// <summary>A right as lists and pages show it, with its running processes and open deadlines.</summary>
public sealed record RightView(
    Guid Id,
    string LicenseNumber,
    RightKind Kind,
    Guid HolderId,
    string HolderNameZh,
    string HolderNameEn,
    string ProjectName,
    IReadOnlyList<string> Minerals,
    decimal AreaKm2,
    PlaceView LocationCounty,
    PlaceView Authority,
    TransferMode TransferMode,
    bool BlankArea,
    DateOnly RegisteredOn,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    RightStatus Status,
    string? ProvisionalRuleId,
    int? ServiceLifeYears,
    string? MiningMethod,
    string? MineScale,
    IReadOnlyList<WorkflowView> Workflows,
    IReadOnlyList<DeadlineView> OpenDeadlines);
