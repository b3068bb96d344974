using System.Linq.Expressions;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// The one rule of who may see and who may decide, used by every query, page, endpoint and the work queue.
/// <list type="bullet">
/// <item><b>Seeing.</b> An administrator, and the service acting on its own, see everything; a holder what it holds; an
/// officer (Authority or Inspector) what lies or is registered in its jurisdiction's subtree (province → city → county);
/// anyone else nothing.</item>
/// <item><b>Deciding</b> is narrower: an administrator, or an Authority officer whose jurisdiction is the place's or
/// lies above it (a county officer sees a province-registered right but may not decide on it).</item>
/// </list>
/// </summary>
public sealed class Access(MiningRightsDbContext db, JurisdictionDirectory jurisdictions)
{
    /// <summary>
    /// The rows of a kind <paramref name="actor"/> sees: its own by <paramref name="heldBy"/> for a holder (none when the
    /// kind has no holder and it is null), those <paramref name="placedIn"/> its subtree, by the codes the kind keeps,
    /// for an officer.
    /// </summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(Actor actor, IQueryable<T> all,
        Func<Guid, Expression<Func<T, bool>>>? heldBy, Func<List<string>, Expression<Func<T, bool>>> placedIn, CancellationToken ct)
    {
        if (actor.IsAdmin || actor.IsSystem)
        {
            return all;
        }

        if (actor.IsHolder)
        {
            return actor.HolderId is { } holder && heldBy is not null ? all.Where(heldBy(holder)) : all.Where(_ => false);
        }

        return await PlacesSeenAsync(actor, ct) is { } places ? all.Where(placedIn(places)) : all.Where(_ => false);
    }

    /// <summary>The jurisdiction codes an officer sees, its subtree; null for anyone who sees by place nothing (a holder, no jurisdiction).</summary>
    public async Task<List<string>?> PlacesSeenAsync(Actor actor, CancellationToken ct) =>
        actor.IsOfficer && actor.JurisdictionCode is { } root ? (await jurisdictions.TreeAsync(db, ct)).Subtree(root).ToList() : null;

    /// <summary>Whether <paramref name="actor"/> sees one thing held by <paramref name="holderId"/> and placed at <paramref name="places"/>.</summary>
    public async Task<bool> SeesAsync(Actor actor, Guid? holderId, IEnumerable<string?> places, CancellationToken ct)
    {
        if (actor.IsAdmin || actor.IsSystem)
        {
            return true;
        }

        if (actor.IsHolder)
        {
            return actor.HolderId is { } holder && holderId == holder;
        }

        return await CoversAnyAsync(actor, places, ct);
    }

    /// <summary>Whether <paramref name="actor"/> may decide on what its registration authority <paramref name="place"/> decides.</summary>
    public async Task<bool> MayDecideAsync(Actor actor, string place, CancellationToken ct) =>
        actor.IsAdmin || actor.IsSystem || actor.IsInRole(Roles.Authority) && await CoversAnyAsync(actor, [place], ct);

    private async Task<bool> CoversAnyAsync(Actor actor, IEnumerable<string?> places, CancellationToken ct)
    {
        if (!actor.IsOfficer || actor.JurisdictionCode is not { } root)
        {
            return false;
        }

        var tree = await jurisdictions.TreeAsync(db, ct);
        return places.Any(place => place is not null && tree.Contains(root, place));
    }
}
