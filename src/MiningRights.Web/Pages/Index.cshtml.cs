using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;

namespace MiningRights.Web.Pages;

/// <summary>Where each reader starts: a holder at its deadlines; everyone else, for now, at the public announcements.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => CurrentUser.From(User).IsHolder ? LocalRedirect("/holder/deadlines") : LocalRedirect("/announcements");
}
