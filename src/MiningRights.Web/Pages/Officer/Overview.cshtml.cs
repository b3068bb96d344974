using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Overview;
using MiningRights.Rights;
using MiningRights.Web.Localization;
using MiningRights.Web.Security;

namespace MiningRights.Web.Pages.Officer;

/// <summary>
/// The officers' overview of their jurisdiction (<see cref="OverviewQueries"/>), narrowed to a city or county by
/// <c>?place=</c>. Each figure is a table, readable without script and in print; <c>overview.js</c> draws each table's
/// numbers as an ECharts chart from the JSON in its container's <c>data-chart</c> attribute. ECharts sizes what it draws
/// with inline styles, hence <see cref="DrawsDiagramsAttribute"/>.
/// </summary>
[Authorize(Roles = Roles.Authority + "," + Roles.Inspector)]
[DrawsDiagrams]
public sealed class OverviewModel(OverviewQueries overview, Ui ui) : PageModel
{
    public OfficerOverview Figures { get; private set; } = null!;

    public static IReadOnlyList<RightStatus> Statuses { get; } = Enum.GetValues<RightStatus>();

    public static IReadOnlyList<RightKind> Kinds { get; } = Enum.GetValues<RightKind>();

    public async Task<IActionResult> OnGetAsync(string? place, CancellationToken ct)
    {
        try
        {
            Figures = await overview.ForAsync(Actor.From(User), string.IsNullOrEmpty(place) ? null : place, ct);
            return Page();
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    public string Name(OfficerOverview.Place place) => ui.T(place.NameZh, place.NameEn);

    public string Kind(RightKind kind) => kind == RightKind.Exploration ? ui.T("探矿权", "Exploration rights") : ui.T("采矿权", "Mining rights");

    public string Stage(CaseStatus stage) => stage switch
    {
        CaseStatus.Open => ui.T("待调查", "Opened, awaiting findings"),
        CaseStatus.FindingsRecorded => ui.T("已查明事实", "Findings recorded"),
        CaseStatus.Rectifying => ui.T("责令整改中", "Under a rectification order"),
        CaseStatus.AwaitingDecision => ui.T("待登记机关处理", "Awaiting the authority's decision"),
        CaseStatus.Closed => ui.T("已结案", "Closed"),
        _ => ui.T("其他", "Other"),
    };

    public string Month(OfficerOverview.MonthCount m) =>
        ui.T($"{m.Year}年{m.Month}月", new DateOnly(m.Year, m.Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>The address of the overview narrowed to <paramref name="place"/>.</summary>
    public string Address(OfficerOverview.Place place) => $"/officer/overview?place={Uri.EscapeDataString(place.Code)}";

    public string StatusChart() => Chart("bar", Statuses.Select(ui.Status),
        Kinds.Select(k => Series(Kind(k), Statuses.Select(s => Figures.Count(s, k)))), stacked: true);

    public string KindChart() => Chart("pie", Kinds.Select(Kind), [Series(ui.T("矿业权", "Rights"), Kinds.Select(Figures.Count))]);

    public string PlaceChart() => Chart("bar", Figures.RightsByPlace.Select(p => Name(p.Place)),
        [Series(ui.T("矿业权", "Rights"), Figures.RightsByPlace.Select(p => p.Count))], links: Figures.RightsByPlace.Select(p => Address(p.Place)));

    public string DueChart() => Chart("bar", Figures.DueSoon.Select(d => ui.T(d.WhatZh, d.WhatEn)),
    [
        Series(ui.T($"{OfficerOverview.NearDays} 天内", $"Within {OfficerOverview.NearDays} days"), Figures.DueSoon.Select(d => d.WithinNear)),
        Series(ui.T($"{OfficerOverview.FarDays} 天内", $"Within {OfficerOverview.FarDays} days"), Figures.DueSoon.Select(d => d.WithinFar)),
    ], horizontal: true);

    public string OverdueChart() => Chart("bar", Figures.OverdueByCounty.Select(p => Name(p.Place)),
        [Series(ui.T("逾期期限", "Overdue deadlines"), Figures.OverdueByCounty.Select(p => p.Count))]);

    public string CaseChart() => Chart("bar", Figures.CasesByStage.Select(s => Stage(s.Stage)),
        [Series(ui.T("案件", "Cases"), Figures.CasesByStage.Select(s => s.Count))]);

    public string ExpiryChart() => Chart("line", Figures.ExpiriesByMonth.Select(Month),
        [Series(ui.T("到期矿业权", "Rights expiring"), Figures.ExpiriesByMonth.Select(m => m.Count))]);

    public string RenewalChart() => Chart("bar", Figures.RenewalsNotAppliedFor.Select(p => Name(p.Place)),
        [Series(ui.T("未申请延续", "Renewal not applied for"), Figures.RenewalsNotAppliedFor.Select(p => p.Count))]);

    private static object Series(string name, IEnumerable<int> data) => new { name, data = data.ToArray() };

    /// <summary>What <c>overview.js</c> draws: the chart's type, its categories and series, and where a click on a category leads.</summary>
    private static string Chart(string type, IEnumerable<string> categories, IEnumerable<object> series, bool stacked = false, bool horizontal = false,
        IEnumerable<string>? links = null) =>
        JsonSerializer.Serialize(new { type, stacked, horizontal, categories = categories.ToArray(), series = series.ToArray(), links = links?.ToArray() });
}
