using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Paging;

namespace MiningRights.Web.Pages.Inspector;

/// <summary>The inspectors' case queue in the API's risk order (the same query as <c>GET /api/cases</c>).</summary>
[Authorize(Roles = $"{Roles.Inspector},{Roles.Authority},{Roles.Admin}")]
public sealed class CasesModel(CaseQueries cases) : PageModel
{
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var page = await cases.ListAsync(Actor.From(User), CaseFilter.None, PageRequest.From(cursor, 50), ct);
        (Cases, Next) = (page.Items, page.Next);
    }
}
