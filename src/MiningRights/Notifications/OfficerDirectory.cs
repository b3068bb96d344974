using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>
/// The officers and inspectors who receive notices, read once per unit of work (a request, a sweep's batch) rather
/// than once for every notice it writes. It is never kept longer: an account made, changed or locked a second ago, on
/// this node or another, is in the next unit of work's list, which a process-wide cache with an expiry could not
/// promise. An account locked by an administrator receives nothing.
/// </summary>
public sealed class OfficerDirectory
{
    private IReadOnlyList<Officer>? _officers;

    public async Task<IReadOnlyList<Officer>> AllAsync(MiningRightsDbContext db, CancellationToken ct)
    {
        if (_officers is null)
        {
            var roles = await db.Roles.Where(r => r.Name == Roles.Inspector || r.Name == Roles.Authority).ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
            var officers = await db.Users
                .Where(u => u.Email != null && u.JurisdictionCode != null)
                .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Email, u.JurisdictionCode, u.Language, u.LockoutEnd, ur.RoleId })
                .ToListAsync(ct);

            // Lockout ends are compared here, not in SQL: SQLite cannot order the offsets it stores as text. The
            // sign-in lockout runs on real time, so this does too.
            var now = DateTimeOffset.UtcNow;
            _officers = officers.Where(o => roles.ContainsKey(o.RoleId) && (o.LockoutEnd is null || o.LockoutEnd <= now))
                .Select(o => new Officer(o.Email!, o.Language, roles[o.RoleId], o.JurisdictionCode!)).ToList();
        }

        return _officers;
    }

    public sealed record Officer(string Email, string Language, string Role, string JurisdictionCode);
}
