using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Holders;

/// <summary>
/// A holder as an officer reads it: name, credit code, notice language, contacts (where the officer writes to it) and
/// the rights of it the officer sees. A holder the officer may not look up gets the page an unknown holder gets.
/// </summary>
[Authorize(Roles = $"{Roles.Inspector},{Roles.Authority},{Roles.Admin}")]
public sealed class DetailModel(HolderQueries holders, RightSearch search, Ui ui) : PageModel
{
    public HolderQueries.HolderRow Holder { get; private set; } = null!;

    public IReadOnlyList<RightSearch.Row> Rights { get; private set; } = [];

    public string? Next { get; private set; }

    public bool MayRegister { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, string? cursor, CancellationToken ct)
    {
        var user = Actor.From(User);
        try
        {
            Holder = await holders.GetAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        MayRegister = user.Roles.Contains(Roles.Authority) || user.IsAdmin;
        Message = Request.Query["done"].FirstOrDefault() == "registered" ? ui.T("矿业权人已登记。", "The holder is registered.") : null;
        try
        {
            var page = await search.ListAsync(user, new RightSearch.Filter(HolderId: id), PageRequest.From(cursor, 50), ct);
            (Rights, Next) = (page.Items, page.Next);
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }

        return Page();
    }
}
