using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Listing;

namespace MiningRights.Web.Pages;

/// <summary>One public notice in full, without signing in (the same query as <c>/api/public/announcements/{id}</c>): its corners' table and map.</summary>
[AllowAnonymous]
public sealed class AnnouncementModel(ListingQueries listing) : PageModel
{
    public AnnouncementView Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Notice = await listing.AnnouncementAsync(id, ct);
            return Page();
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
