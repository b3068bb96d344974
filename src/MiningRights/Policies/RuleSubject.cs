namespace MiningRights.Policies;

/// <summary>
/// What a rule needs to know of the thing an act is about to tell whether it applies: where it lies, and, for a right or
/// a block, its kind, transfer mode, blank-area flag and minerals (each null when the subject has no such fact).
/// </summary>
public sealed record RuleSubject(
    string JurisdictionCode,
    string? RightKind = null,
    string? TransferMode = null,
    bool? BlankArea = null,
    IReadOnlyList<string>? MineralNames = null)
{
    public IReadOnlyList<string> Minerals => MineralNames ?? [];

    /// <summary>Six-digit code of the province the subject lies in.</summary>
    public string ProvinceCode => JurisdictionCode[..2] + "0000";
}
