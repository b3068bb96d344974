using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Paging;
using MiningRights.Rights;

namespace MiningRights.Web.Pages.Holder;

/// <summary>The holder's rights in licence-number order, from the same query as <c>GET /api/rights</c>, each with its next deadline.</summary>
[Authorize(Roles = Roles.Holder)]
public sealed class RightsModel(RightQueries rights) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<RightView> Rights { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var page = await rights.ListAsync(Actor.From(User), new RightQueries.Filter(null, null, null, null, null), PageRequest.From(cursor, PageSize), ct);
        (Rights, Next) = (page.Items, page.Next);
    }
}
