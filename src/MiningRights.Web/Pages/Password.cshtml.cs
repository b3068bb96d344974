using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages;

/// <summary>Changes the reader's own password through the use case the API calls; every older session and token ends, so the reader signs in again.</summary>
public sealed class PasswordModel(ChangePassword change, SignInManager<ApplicationUser> signIn, Ui ui) : PageModel
{
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword)
    {
        try
        {
            await change.HandleAsync(Actor.From(User), new ChangePassword.Request(currentPassword, newPassword));
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            var (message, errors) = ui.Refusal(refusal);
            Message = errors.Count > 0 ? string.Join(" ", errors.SelectMany(e => e.Value)) : message;
            return Page();
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/sign-in?done=password");
    }
}
