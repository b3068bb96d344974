using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Web.Security;

namespace MiningRights.Web.Pages;

/// <summary>
/// Signs out (a form post with its antiforgery token) and goes to the public page. The session ends on the server too, so
/// a copy of the cookie is worth nothing afterwards (see <see cref="PasswordSignIn.SignOutAsync"/>).
/// </summary>
public sealed class SignOutModel(PasswordSignIn signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync("page", HttpContext);
        return LocalRedirect("/announcements");
    }
}
