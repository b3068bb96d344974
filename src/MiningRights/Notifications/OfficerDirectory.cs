using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>
/// The officers and inspectors who receive notices, read once and kept rather than re-read for every case a sweep
/// opens. Account changes call <see cref="Invalidate"/>; the list is also re-read after a few minutes, so an account
/// made on another node is reached too.
/// </summary>
public sealed class OfficerDirectory(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<Officer>> AllAsync(MiningRightsDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var snapshot = _snapshot;
        if (snapshot is null || now - snapshot.ReadAt > MaxAge || now < snapshot.ReadAt)
        {
            var roles = await db.Roles.Where(r => r.Name == Roles.Inspector || r.Name == Roles.Authority).ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
            var officers = await db.Users
                .Where(u => u.Email != null && u.JurisdictionCode != null)
                .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u.Email, u.JurisdictionCode, u.Language, ur.RoleId })
                .ToListAsync(ct);
            snapshot = new Snapshot(now, officers.Where(o => roles.ContainsKey(o.RoleId))
                .Select(o => new Officer(o.Email!, o.Language, roles[o.RoleId], o.JurisdictionCode!)).ToList());
            _snapshot = snapshot;
        }

        return snapshot.Officers;
    }

    public void Invalidate() => _snapshot = null;

    public sealed record Officer(string Email, string Language, string Role, string JurisdictionCode);

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<Officer> Officers);
}
