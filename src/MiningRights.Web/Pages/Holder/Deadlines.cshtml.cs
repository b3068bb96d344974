using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Calendar;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Time;
using MiningRights.Web.Apis;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Pages.Holder;

/// <summary>The holder's deadlines, from the same query as <c>GET /api/deadlines</c>, and the address of its calendar feed.</summary>
[Authorize(Roles = Roles.Holder)]
public sealed class DeadlinesModel(DeadlineQueries deadlines, DeadlineFeed feed, PublicAddress address, TimeProvider time) : PageModel
{
    /// <summary>The first day of the month the calendar shows (this month unless <c>?month=yyyy-MM</c> says otherwise).</summary>
    public DateOnly Month { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The month's deadlines by due date.</summary>
    public ILookup<DateOnly, DeadlineView> ByDay { get; private set; } = Array.Empty<DeadlineView>().ToLookup(d => d.DueOn);

    /// <summary>The calendar's weeks, Monday first, from the week the month starts in to the week it ends in.</summary>
    public IEnumerable<IEnumerable<DateOnly>> Weeks()
    {
        var start = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        for (var monday = start; monday <= Month.AddMonths(1).AddDays(-1); monday = monday.AddDays(7))
        {
            yield return Enumerable.Range(0, 7).Select(monday.AddDays);
        }
    }

    public string FeedUrl { get; private set; } = string.Empty;

    private const int PageSize = 50;

    public IReadOnlyList<DeadlineView> Deadlines { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task OnGetAsync(string? cursor, string? month, CancellationToken ct)
    {
        var user = Actor.From(User);
        Today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        // A month that is not yyyy-MM (or out of range) shows this month: the address is the reader's own, nothing is written.
        Month = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var chosen)
            && chosen.Year is >= 2000 and <= 2100 ? chosen : new DateOnly(Today.Year, Today.Month, 1);
        var weeks = Weeks().ToList();
        ByDay = (await deadlines.DueBetweenAsync(user, weeks[0].First(), weeks[^1].Last(), ct)).ToLookup(d => d.DueOn);
        var page = await deadlines.ListAsync(user, null, PageRequest.From(cursor, PageSize), ct);
        (Deadlines, Next) = (page.Items, page.Next);
        FeedUrl = address.CalendarFeed(Request, await feed.TokenAsync(user.HolderId!.Value, ct)).ToString();
    }

    /// <summary>A new feed address: the old one stops working (a leaked address is ended this way).</summary>
    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        await feed.RotateAsync(Actor.From(User).HolderId!.Value, ct);
        return RedirectToPage();
    }
}
