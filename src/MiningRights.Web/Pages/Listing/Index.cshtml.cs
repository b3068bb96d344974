using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Listing;

namespace MiningRights.Web.Pages.Listing;

/// <summary>
/// The listing pipeline for officers: the live blocks of their jurisdiction by stage (pool, planned, in transfer), the
/// annual plans' quotas, and the pool on a map over the province's outline with the rights around it and any overlap in red.
/// The map's polygons come from their own address (handler <c>Map</c>), which names their content: the page stays
/// light whatever the blocks' corners, and a browser fetches the map again only when the pool has changed.
/// </summary>
[Authorize(Roles = Roles.Authority + "," + Roles.Inspector)]
public sealed class IndexModel(ListingQueries listing) : PageModel
{
    public ListingQueries.PoolMap Pool { get; private set; } = null!;

    public IReadOnlyList<TransferPlanView> Plans { get; private set; } = [];

    public string Province { get; private set; } = "620000";

    public string MapAddress { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = Actor.From(User);
        Pool = await listing.PoolMapAsync(user, ct);
        Plans = await listing.PlansAsync(user, null, ct);
        Province = user.JurisdictionCode is { Length: 6 } code ? code[..2] + "0000" : Province;
        MapAddress = Url.Page("/Listing/Index", "Map", new { v = Pool.MapKey }) ?? string.Empty;
    }

    /// <summary>
    /// The map as GeoJSON. Asked for by the key the page named (<c>v</c>), it is that content for good and the browser may
    /// keep it; asked for by an older key (the pool changed since that page), it is today's map, to be asked for again.
    /// </summary>
    public async Task<IActionResult> OnGetMapAsync(string? v, CancellationToken ct)
    {
        var (key, json) = await listing.PoolMapFeaturesAsync(Actor.From(User), ct);
        Response.Headers.CacheControl = v == key ? "private, max-age=31536000, immutable" : "private, no-cache";
        return File(json, "application/geo+json");
    }
}
