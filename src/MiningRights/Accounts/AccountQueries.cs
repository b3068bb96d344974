using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>The accounts as administrators read them: who, in which role and scope, and whether locked.</summary>
public sealed class AccountQueries(MiningRightsDbContext db, TimeProvider time)
{
    public const int MaxShown = 500;

    /// <param name="FailedSignIns">
    /// Wrong current passwords on a password change since the last sign-in, which lock the account at the limit. Failed
    /// sign-ins are not written to the account (anyone could cause them); they are in the log, with their address.
    /// </param>
    public sealed record AccountView(string Id, string UserName, string DisplayName, string? Email, string? Role, Guid? HolderId, string? JurisdictionCode, bool Locked, int FailedSignIns);

    public async Task<IReadOnlyList<AccountView>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name);
        return (await db.Users.AsNoTracking().OrderBy(u => u.UserName).Take(MaxShown).ToListAsync(ct))
            .Select(u => new AccountView(u.Id, u.UserName!, u.DisplayName, u.Email, byUser[u.Id].FirstOrDefault(), u.HolderId, u.JurisdictionCode,
                u.LockoutEnd is { } end && end > now, u.AccessFailedCount))
            .ToList();
    }
}
