using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages;

/// <summary>The language switch: remembers the choice for a year and goes back to the page it was made on.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        var chosen = language == Ui.English ? Ui.English : Ui.Chinese;
        Response.Cookies.Append(Ui.Cookie, chosen, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
