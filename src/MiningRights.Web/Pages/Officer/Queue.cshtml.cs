using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Plans;

namespace MiningRights.Web.Pages.Officer;

/// <summary>The authority officer's queue: plans waiting for a decision in its jurisdiction, the longest waiting first.</summary>
[Authorize(Roles = Roles.Authority)]
public sealed class QueueModel(PlanQueries plans) : PageModel
{
    public IReadOnlyList<PlanQueries.Waiting> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await plans.WaitingAsync(CurrentUser.From(User), ct);
}
