using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Policies;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Policies;

/// <summary>
/// The rules and parameter values in force in a province on a day, and the rulebooks they come from (an administrator
/// adds a renewed or successor policy on <c>/policies/add</c>).
/// </summary>
[Authorize]
public sealed class IndexModel(PolicyQueries queries, Ui ui) : PageModel
{
    public PolicyListing Listing { get; private set; } = null!;

    public string? Province { get; private set; }

    public string? On { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IActionResult OnGet(string? province, string? on)
    {
        if (Request.Query["done"].FirstOrDefault() == "added")
        {
            Message = ui.T("规则集已添加，自其施行之日起适用；此前作出的行为保留原引用。", "The rulebook was added; it applies from its first day, and acts taken before keep their citations.");
        }

        return Load(province, on);
    }

    private PageResult Load(string? province, string? on)
    {
        try
        {
            Listing = queries.List(province, on);
            (Province, On) = (Listing.Province, Listing.On?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            Listing = queries.List(null, null);
        }

        return Page();
    }
}
