using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Notifications;
using MiningRights.Paging;

namespace MiningRights.Web.Pages.Holder;

/// <summary>The notices the holder received, newest first, from the same query as <c>GET /api/holders/me/notices</c>.</summary>
[Authorize(Roles = Roles.Holder)]
public sealed class NoticesModel(NotificationQueries notices) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<NotificationQueries.ReceivedNotice> Notices { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, CancellationToken ct)
    {
        var page = await notices.ReceivedAsync(Actor.From(User), PageRequest.From(cursor, PageSize), ct);
        (Notices, Next) = (page.Items, page.Next);
    }
}
