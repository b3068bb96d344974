namespace MiningRights.Cases;

/// <summary>
/// A case in the inspectors' queue, with its own workflow's state. <see cref="DaysOverdue"/> counts from the due date
/// (from the day it was opened when it has none) to today in Asia/Shanghai, and is 0 once the case is closed; <see cref="HolderOpenCases"/> is how many
/// other cases of the same holder, among those the caller may see, are not closed.
/// </summary>
public sealed record CaseView(
    Guid Id,
    Guid RightId,
    string LicenseNumber,
    Guid HolderId,
    string HolderNameZh,
    string HolderNameEn,
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
    int DaysOverdue,
    int HolderOpenCases,
    CaseStatus Status,
    CaseDisposition? Disposition,
    decimal? DamagesYuan,
    DateTime OpenedAtUtc,
    DateTime? ClosedAtUtc)
{
    /// <summary>Every rule the case was opened under, with sources and rulebook hashes, as stored on the day it opened.</summary>
    public string? Citation { get; init; }
}
