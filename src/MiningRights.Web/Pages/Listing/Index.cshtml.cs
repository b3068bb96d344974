using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Listing;

namespace MiningRights.Web.Pages.Listing;

/// <summary>
/// The listing pipeline for officers: the live blocks of their jurisdiction by stage (pool, planned, in transfer), the
/// annual plans' quotas, and the pool on a map over the province's outline with the rights around it and any overlap in red.
/// </summary>
[Authorize(Roles = Roles.Authority + "," + Roles.Inspector)]
public sealed class IndexModel(ListingQueries listing) : PageModel
{
    public ListingQueries.PoolMap Pool { get; private set; } = null!;

    public IReadOnlyList<TransferPlanView> Plans { get; private set; } = [];

    public string Province { get; private set; } = "620000";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = CurrentUser.From(User);
        Pool = await listing.PoolMapAsync(user, ct);
        Plans = await listing.PlansAsync(user, null, ct);
        Province = user.JurisdictionCode is { Length: 6 } code ? code[..2] + "0000" : Province;
    }
}
