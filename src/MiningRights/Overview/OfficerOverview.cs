using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Rights;

namespace MiningRights.Overview;

/// <summary>
/// What an officer's jurisdiction looks like today, narrowed to one place of it (province, city or county): each figure
/// the overview page draws and tabulates. Places are named, never coded, on the page.
/// </summary>
public sealed record OfficerOverview(
    DateOnly Today,
    OfficerOverview.Place Here,
    IReadOnlyList<OfficerOverview.Place> Trail,
    IReadOnlyList<OfficerOverview.PlaceCount> RightsByPlace,
    IReadOnlyList<OfficerOverview.RightCount> Rights,
    IReadOnlyList<OfficerOverview.DutyDue> DueSoon,
    IReadOnlyList<OfficerOverview.PlaceCount> OverdueByCounty,
    IReadOnlyList<OfficerOverview.StageCount> CasesByStage,
    IReadOnlyList<OfficerOverview.MonthCount> ExpiriesByMonth,
    IReadOnlyList<OfficerOverview.PlaceCount> RenewalsNotAppliedFor)
{
    /// <summary>Days ahead the "due soon" figure looks: the near and the far window.</summary>
    public const int NearDays = 30;

    public const int FarDays = 90;

    /// <summary>Months of expiries shown, this month first.</summary>
    public const int ExpiryMonths = 24;

    /// <summary>
    /// How close to expiry a right in force must be for a missing renewal application to be shown: the application is
    /// due 30 days before expiry (CN-RENEW) and its first reminder goes out 60 days before that.
    /// </summary>
    public const int RenewalWindowDays = 90;

    public sealed record Place(string Code, JurisdictionLevel Level, string NameZh, string NameEn);

    public sealed record PlaceCount(Place Place, int Count);

    public sealed record RightCount(RightStatus Status, RightKind Kind, int Count);

    /// <summary>A kind of duty (as its workflow names it) with the open deadlines due within 30 and within 90 days.</summary>
    public sealed record DutyDue(string WhatZh, string WhatEn, int WithinNear, int WithinFar);

    public sealed record StageCount(CaseStatus Stage, int Count);

    public sealed record MonthCount(int Year, int Month, int Count);

    public int RightsTotal => Rights.Sum(r => r.Count);

    public int Count(RightStatus status) => Rights.Where(r => r.Status == status).Sum(r => r.Count);

    public int Count(RightKind kind) => Rights.Where(r => r.Kind == kind).Sum(r => r.Count);

    public int Count(RightStatus status, RightKind kind) => Rights.Where(r => r.Status == status && r.Kind == kind).Sum(r => r.Count);
}
