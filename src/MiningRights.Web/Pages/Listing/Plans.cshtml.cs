using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Listing;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;

namespace MiningRights.Web.Pages.Listing;

/// <summary>The annual transfer plans of the authority's jurisdiction with their quotas, and a plan set (CreateTransferPlan, as <c>POST /api/transfer-plans</c>).</summary>
[Authorize(Roles = Roles.Authority)]
public sealed class PlansModel(ListingQueries listing, ListingChoices choices, Ui ui, TimeProvider time) : OfficeFormPage
{
    public const string Form = "Set";

    public IReadOnlyList<TransferPlanView> Plans { get; private set; } = [];

    public IReadOnlyList<ListingChoices.Place> Places { get; private set; } = [];

    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostSetAsync([FromServices] CreateTransferPlan create, CancellationToken ct) =>
        ActAsync(Form, async () =>
        {
            await create.HandleAsync(new CreateTransferPlan.Request(Text("jurisdictionCode"), (int?)Number("year"), (int?)Number("quota")), Actor.From(User), ct);
            return RedirectToPage(new { done = "set" });
        }, () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = Actor.From(User);
        Plans = await listing.PlansAsync(user, null, ct);
        Places = await choices.PlacesAsync(user, ct);
        ThisYear = global::MiningRights.Time.ProvinceCalendar.China.DateAt(time.GetUtcNow()).Year;
        Message ??= Request.Query["done"].FirstOrDefault() == "set" ? ui.T("年度出让计划已保存。", "The annual plan is set.") : null;
        return true;
    }
}
