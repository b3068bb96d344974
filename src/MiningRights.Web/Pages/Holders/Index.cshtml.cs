using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Holders;

/// <summary>The holders an officer may look up (<see cref="HolderQueries"/>), searched by name or credit code.</summary>
[Authorize(Roles = $"{Roles.Inspector},{Roles.Authority},{Roles.Admin}")]
public sealed class IndexModel(HolderQueries holders, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    public IReadOnlyList<HolderQueries.HolderRow> Holders { get; private set; } = [];

    public string? Next { get; private set; }

    public bool MayRegister { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var user = Actor.From(User);
        MayRegister = user.Roles.Contains(Roles.Authority) || user.IsAdmin;
        try
        {
            var page = await holders.ListAsync(user, Text, PageRequest.From(cursor, 50), ct);
            (Holders, Next) = (page.Items, page.Next);
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }
    }
}
