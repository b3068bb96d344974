using Microsoft.AspNetCore.Identity;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// An administrator locks an account until further notice, or unlocks it. Locking also renews the security stamp, so
/// tokens issued before stay dead after an unlock: the person signs in again.
/// </summary>
public sealed class LockAccount(UserManager<ApplicationUser> users, MiningRightsDbContext db, TimeProvider time)
{
    public async Task HandleAsync(string accountId, bool locked, Actor by, CancellationToken ct)
    {
        var user = (accountId.Length <= 64 ? await users.FindByIdAsync(accountId) : null) ?? throw RefusalException.NotFound("The account", "该账户");
        if (locked && user.Id == by.Id)
        {
            throw RefusalException.Conflict("An administrator cannot lock their own account: ask another administrator.", "管理员不能锁定自己的账户：请由其他管理员办理。");
        }

        if (locked)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = by.Name,
            Action = locked ? "account.locked" : "account.unlocked",
            Detail = $"Account {user.UserName} {(locked ? "locked until unlocked by an administrator" : "unlocked")}. 账户已{(locked ? "锁定" : "解锁")}。",
        });
        await db.SaveChangesAsync(ct);
    }
}
