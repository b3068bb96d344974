using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;

namespace MiningRights.Web.Pages;

/// <summary>Where each reader starts: a holder at its deadlines, an authority officer at its queue, an inspector at the case queue, an administrator at the administration page, anyone else at the public announcements.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        var user = Actor.From(User);
        return LocalRedirect(user.IsHolder ? "/holder/deadlines"
            : user.Roles.Contains(Roles.Authority) ? "/officer/queue"
            : user.Roles.Contains(Roles.Inspector) ? "/inspector/cases"
            : user.IsAdmin ? "/admin"
            : "/announcements");
    }
}
