using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Plans;

/// <summary>Plans as their readers see them: the plans of a right, and the officer's queue of plans waiting for a decision.</summary>
public sealed class PlanQueries(MiningRightsDbContext db, RightAccess rights)
{
    /// <summary>The plans of a right the user sees, in the order they were submitted.</summary>
    public async Task<IReadOnlyList<PlanDocument>> OfRightAsync(Actor user, Guid rightId, CancellationToken ct)
    {
        var right = await rights.GetAsync(user, rightId, ct);
        return await db.Plans.AsNoTracking().Where(p => p.RightId == right.Id).OrderBy(p => p.SubmittedAtUtc).ToListAsync(ct);
    }
}
