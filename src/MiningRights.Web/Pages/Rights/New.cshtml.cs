using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Licensing;
using MiningRights.Rights;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Rights;

/// <summary>
/// The authority registers a right (新立登记) through <see cref="RegisterRight"/>, as <c>POST /api/rights</c> does: every
/// field the use case takes, the holder by its credit code, the corners one "longitude, latitude" a line. A refused
/// registration shows why with every value kept; a registered one opens the right's page.
/// </summary>
[Authorize(Roles = $"{Roles.Authority},{Roles.Admin}")]
public sealed class NewModel(RightSearch search, HolderQueries holders, WorkflowRegistry registry, Ui ui) : PageModel
{
    [BindProperty] public string? LicenseNumber { get; set; }
    [BindProperty] public RightKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? HolderCode { get; set; }
    [BindProperty] public string? ProjectName { get; set; }
    [BindProperty] public string? Minerals { get; set; }
    [BindProperty] public decimal? AreaKm2 { get; set; }
    [BindProperty] public string? County { get; set; }
    [BindProperty] public string? Authority { get; set; }
    [BindProperty] public TransferMode? TransferMode { get; set; }
    [BindProperty] public bool BlankArea { get; set; }
    [BindProperty] public DateOnly? RegisteredOn { get; set; }
    [BindProperty] public DateOnly? ExpiresOn { get; set; }
    [BindProperty] public string? Deferral { get; set; }
    [BindProperty] public MineScale? MineScale { get; set; }
    [BindProperty] public string? Corners { get; set; }

    public IReadOnlyList<Jurisdiction> Places { get; private set; } = [];

    /// <summary>The deferral processes a registration may start (GS-9d, GS-9e), by id with their title.</summary>
    public IReadOnlyList<(string Id, string Title)> Deferrals { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRegisterAsync([FromServices] RegisterRight register, CancellationToken ct)
    {
        var user = Actor.From(User);
        try
        {
            if (!ModelState.IsValid)
            {
                throw new RefusalException(400, "Invalid registration", "A value is not in its field's format: " + string.Join(", ", ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => m.Key)) + ".",
                    detailZh: "以下字段的格式不正确：" + string.Join("、", ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => m.Key)) + "。");
            }

            var holder = await holders.FindAsync(user, HolderCode, ct);
            var request = new RegisterRight.Request(LicenseNumber, Kind, holder, ProjectName,
                Minerals?.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AreaKm2, County, Authority, TransferMode, BlankArea, RegisteredOn, ExpiresOn,
                string.IsNullOrEmpty(Deferral) ? null : Deferral, CornerText.Parse(Corners, Request.Form[CornerText.NotationField], Request.Form[CornerText.ZoneField]), MineScale);
            var right = await register.HandleAsync(request, user, ct);
            return Redirect($"/rights/{right.Id}?done=registered");
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Places = await search.PlacesAsync(Actor.From(User), ct);
        Deferrals = registry.Definitions.Where(d => d.Definition.AppliesTo is not null)
            .GroupBy(d => d.Definition.Id).Select(g => (g.Key, g.Last().Definition.Title.In(ui.Language))).ToList();
    }
}
