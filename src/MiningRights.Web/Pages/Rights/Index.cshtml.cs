using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Web.Localization;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Pages.Rights;

/// <summary>
/// The register of rights for officers (登记簿): search by licence number, project or holder, filters by status, kind,
/// place and expiry, a page at a time, each row linking to the right's page. Only the rights of the reader's
/// jurisdiction, by the same rule as the API (<see cref="RightSearch"/> over <see cref="RightAccess"/>).
/// </summary>
[Authorize(Roles = $"{Roles.Inspector},{Roles.Authority},{Roles.Admin}")]
public sealed class IndexModel(RightSearch search, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Within { get; set; }

    public IReadOnlyList<RightSearch.Row> Rights { get; private set; } = [];

    public IReadOnlyList<Jurisdiction> Places { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool MayRegister { get; private set; }

    /// <summary>The address of the following page: these filters and the cursor.</summary>
    public string NextPage(string cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Text, ["status"] = Status, ["kind"] = Kind, ["place"] = Place,
        ["before"] = Before?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["within"] = Within?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cursor"] = cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var user = Actor.From(User);
        MayRegister = user.Roles.Contains(Roles.Authority) || user.IsAdmin;
        Places = await search.PlacesAsync(user, ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = ui.T("日期或天数的格式不正确。", "A date or number of days is not valid.");
            return;
        }

        try
        {
            var filter = new RightSearch.Filter(Text, EnumText.Parse<RightStatus>(Status, "status"), EnumText.Parse<RightKind>(Kind, "kind"), Place, Before, Within);
            var page = await search.ListAsync(user, filter, PageRequest.From(cursor, 50), ct);
            (Rights, Next) = (page.Items, page.Next);
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }
    }
}
