using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Plans;

/// <summary>Plans as their readers see them: the plans of a right, and the officer's queue of plans waiting for a decision.</summary>
public sealed class PlanQueries(MiningRightsDbContext db, RightAccess rights)
{
    /// <summary>A plan waiting for its decision, with the right it is for.</summary>
    public sealed record Waiting(PlanDocument Plan, string LicenseNumber, string ProjectName);

    /// <summary>Submitted plans of the rights the user sees, oldest first (the longest waiting at the top).</summary>
    public async Task<IReadOnlyList<Waiting>> WaitingAsync(CurrentUser user, CancellationToken ct) =>
        (await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Submitted)
            .Join(await rights.VisibleAsync(user, ct), p => p.RightId, r => r.Id, (p, r) => new { Plan = p, r.LicenseNumber, r.ProjectName })
            .OrderBy(w => w.Plan.SubmittedAtUtc).Take(Paging.PageRequest.MaxSize).ToListAsync(ct))
        .Select(w => new Waiting(w.Plan, w.LicenseNumber, w.ProjectName)).ToList();

    /// <summary>The plans of a right the user sees, in the order they were submitted.</summary>
    public async Task<IReadOnlyList<PlanDocument>> OfRightAsync(CurrentUser user, Guid rightId, CancellationToken ct)
    {
        var right = await rights.GetAsync(user, rightId, ct);
        return await db.Plans.AsNoTracking().Where(p => p.RightId == right.Id).OrderBy(p => p.SubmittedAtUtc).ToListAsync(ct);
    }
}
