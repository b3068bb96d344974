using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Paging;

namespace MiningRights.Web.Pages.Holder;

/// <summary>The holder's deadlines, from the same query as <c>GET /api/deadlines</c>.</summary>
[Authorize(Roles = Roles.Holder)]
public sealed class DeadlinesModel(DeadlineQueries deadlines) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<DeadlineView> Deadlines { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var page = await deadlines.ListAsync(CurrentUser.From(User), null, PageRequest.From(cursor, PageSize), ct);
        (Deadlines, Next) = (page.Items, page.Next);
    }
}
