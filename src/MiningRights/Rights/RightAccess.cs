using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Rights;

/// <summary>
/// Who may see which rights: a holder only its own, an officer those of its jurisdiction's subtree (by location
/// county or registration authority), an administrator all. A right outside that is answered as not found, so a
/// holder cannot even learn that another holder's right exists; every such denial is logged.
/// </summary>
public sealed class RightAccess(MiningRightsDbContext db, Access access, ILogger<RightAccess> logger)
{
    public Task<IQueryable<MiningRight>> VisibleAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.Rights, holder => r => r.HolderId == holder,
            codes => r => codes.Contains(r.LocationCountyCode) || codes.Contains(r.AuthorityCode), ct);

    /// <summary>The right, tracked for change, or a 404 refusal when it does not exist or the user may not see it.</summary>
    public async Task<MiningRight> GetAsync(Actor user, Guid rightId, CancellationToken ct)
    {
        var visible = await VisibleAsync(user, ct);
        var right = await visible.SingleOrDefaultAsync(r => r.Id == rightId, ct);
        if (right is null)
        {
            if (await db.Rights.AnyAsync(r => r.Id == rightId, ct))
            {
                logger.LogWarning("Access denied: {User} ({Roles}) asked for right {RightId} outside its scope", user.Name, string.Join(',', user.Roles), rightId);
            }

            throw RefusalException.NotFound($"Right {rightId}", $"矿业权 {rightId}");
        }

        return right;
    }
}
