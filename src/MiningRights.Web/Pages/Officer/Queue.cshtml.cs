using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Officer;

/// <summary>
/// The authority officer's queue: every step its jurisdiction's processes wait for it to take (plans and reviews to decide,
/// reports and relief claims to accept, verification results, renewal applications, listings), soonest due first, read
/// from the workflow definitions by <see cref="WorkQueue"/>.
/// </summary>
[Authorize(Roles = Roles.Authority)]
public sealed class QueueModel(WorkQueue queue, TimeProvider time) : PageModel
{
    public IReadOnlyList<WorkQueue.Item> Items { get; private set; } = [];

    public int? DaysLeft(WorkQueue.Item item) => item.DueOn is { } due ? ProvinceCalendar.China.DaysLeft(due, time.GetUtcNow()) : null;

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.ForAsync(Actor.From(User), ct);
}
