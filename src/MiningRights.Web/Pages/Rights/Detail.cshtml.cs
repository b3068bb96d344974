using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Rights;

namespace MiningRights.Web.Pages.Rights;

/// <summary>A right as its holder or an officer of its jurisdiction reads it; anyone else gets the page an unknown right gets.</summary>
public sealed class DetailModel(RightQueries rights) : PageModel
{
    public RightView Right { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Right = await rights.GetAsync(CurrentUser.From(User), id, ct);
            return Page();
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
