using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Rights;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Holders;

/// <summary>The authority registers a holder (矿业权人) through <see cref="RegisterHolder"/>, as <c>POST /api/holders</c> does.</summary>
[Authorize(Roles = $"{Roles.Authority},{Roles.Admin}")]
public sealed class NewModel(Ui ui) : PageModel
{
    [BindProperty]
    public string? CreditCode { get; set; }

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    /// <summary>The addresses notices go to, one a line.</summary>
    [BindProperty]
    public string? Contacts { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostRegisterAsync([FromServices] RegisterHolder register, CancellationToken ct)
    {
        try
        {
            var emails = (Contacts ?? string.Empty).Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var holder = await register.HandleAsync(new RegisterHolder.Request(CreditCode, NameZh, NameEn, Language, emails), Actor.From(User), ct);
            return Redirect($"/holders/{holder.Id}?done=registered");
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            return Page();
        }
    }
}
