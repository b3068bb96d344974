using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Calendar;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Web.Apis;

namespace MiningRights.Web.Pages.Holder;

/// <summary>The holder's deadlines, from the same query as <c>GET /api/deadlines</c>, and the address of its calendar feed.</summary>
[Authorize(Roles = Roles.Holder)]
public sealed class DeadlinesModel(DeadlineQueries deadlines, DeadlineFeed feed) : PageModel
{
    public string FeedUrl { get; private set; } = string.Empty;

    private const int PageSize = 50;

    public IReadOnlyList<DeadlineView> Deadlines { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var user = CurrentUser.From(User);
        var page = await deadlines.ListAsync(user, null, PageRequest.From(cursor, PageSize), ct);
        (Deadlines, Next) = (page.Items, page.Next);
        FeedUrl = CalendarApi.Address(HttpContext, await feed.TokenAsync(user.HolderId!.Value, ct)).Url;
    }

    /// <summary>A new feed address: the old one stops working (a leaked address is ended this way).</summary>
    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        await feed.RotateAsync(CurrentUser.From(User).HolderId!.Value, ct);
        return RedirectToPage();
    }
}
