using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Renewals;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Rights;

/// <summary>Rights of the reader's jurisdiction whose term ends within 30, 90 or 180 days, soonest first, with whether renewal was applied for.</summary>
[Authorize(Roles = $"{Roles.Inspector},{Roles.Authority},{Roles.Admin}")]
public sealed class ExpiringModel(ExpiringRights expiring, Ui ui) : PageModel
{
    public int Within { get; private set; } = ExpiringRights.Windows[1];

    public IReadOnlyList<ExpiringRights.ExpiringRow> Rights { get; private set; } = [];

    public string? Next { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(int? within, string? cursor, CancellationToken ct)
    {
        if (within is { } days && !ExpiringRights.Windows.Contains(days))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Message = ui.T($"请选择 {string.Join("、", ExpiringRights.Windows)} 天之一。", $"Choose one of {string.Join(", ", ExpiringRights.Windows)} days.");
            return;
        }

        Within = within ?? Within;
        try
        {
            var page = await expiring.ListAsync(Actor.From(User), Within, PageRequest.From(cursor, 50), ct);
            (Rights, Next) = (page.Items, page.Next);
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }
    }
}
