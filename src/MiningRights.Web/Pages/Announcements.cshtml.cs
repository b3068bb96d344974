using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Listing;
using MiningRights.Paging;

namespace MiningRights.Web.Pages;

/// <summary>The public announcements of listings and disclosures, without signing in (the same query as <c>/api/public/announcements</c>).</summary>
[AllowAnonymous]
public sealed class AnnouncementsModel(ListingQueries listing) : PageModel
{
    public IReadOnlyList<AnnouncementView> Announcements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Announcements = (await listing.AnnouncementsAsync(null, PageRequest.From(null, 50), ct)).Items;
}
