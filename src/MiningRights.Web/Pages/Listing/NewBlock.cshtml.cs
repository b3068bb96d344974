using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Licensing;
using MiningRights.Listing;
using MiningRights.Rights;
using MiningRights.Web.Pages.Shared;

namespace MiningRights.Web.Pages.Listing;

/// <summary>The authority adds a candidate block to the pool (AddBlock, as <c>POST /api/blocks</c> does), its corners typed one a line.</summary>
[Authorize(Roles = Roles.Authority)]
public sealed class NewBlockModel(ListingChoices choices) : OfficeFormPage
{
    public const string Form = "Add";

    public IReadOnlyList<ListingChoices.Place> Places { get; private set; } = [];

    public string OwnAuthority { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync([FromServices] AddBlock add, CancellationToken ct) =>
        await ActAsync(Form, async () =>
        {
            var minerals = (Text("minerals") ?? string.Empty).Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var block = await add.HandleAsync(new AddBlock.Request(
                Text("name")?.Trim(),
                minerals.Length == 0 ? null : minerals,
                Text("countyCode"),
                Text("authorityCode"),
                Choice<RightKind>("intendedKind"),
                Checked("blankArea"),
                CornerText.Parse(Request.Form, "corners"),
                Checked("majorProjectInfrastructure"),
                Choice<MineScale>("mineScale"),
                Checked("mountainOrIslandCounty"),
                Choice<CombinedSupply>("combinedSupply")), Actor.From(User), ct);
            return RedirectToPage("/Listing/Block", new { id = block.Id, done = "added" });
        }, async () => await LoadAsync(ct));

    private bool Checked(string field) => Request.Form[field].Any(v => v is "true" or "on");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var user = Actor.From(User);
        Places = await choices.PlacesAsync(user, ct);
        OwnAuthority = user.JurisdictionCode ?? string.Empty;
        return true;
    }
}
