namespace MiningRights.Cases;

/// <summary>A case in the inspectors' queue, with its own workflow's state.</summary>
public sealed record CaseView(
    Guid Id,
    Guid RightId,
    string LicenseNumber,
    Guid InstanceId,
    Guid? CaseInstanceId,
    string? CaseState,
    string JurisdictionCode,
    string AuthorityCode,
    string RuleId,
    string TitleZh,
    string TitleEn,
    int Severity,
    DateOnly? DueOn,
    CaseStatus Status,
    CaseDisposition? Disposition,
    decimal? DamagesYuan,
    DateTime OpenedAtUtc,
    DateTime? ClosedAtUtc);
