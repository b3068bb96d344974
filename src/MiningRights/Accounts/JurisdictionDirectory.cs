using System.Linq.Expressions;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// The jurisdiction tree, read once and kept: access checks and notices ask it on every request and every sweep.
/// Reference data is written by <see cref="JurisdictionCatalog"/> at start, before the first read.
/// </summary>
public sealed class JurisdictionDirectory
{
    private volatile JurisdictionTree? _tree;

    public async Task<JurisdictionTree> TreeAsync(MiningRightsDbContext db, CancellationToken ct) =>
        _tree ??= await JurisdictionTree.LoadAsync(db, ct);

    public void Invalidate() => _tree = null;

    /// <summary>
    /// The one rule of who sees which rows of a kind (rights, blocks, contracts, cases, verification): an administrator
    /// all; a holder its own, by <paramref name="heldBy"/> (none when the kind has no holder and it is null); an officer
    /// those <paramref name="placedIn"/> its jurisdiction's subtree, by the codes the kind keeps; anyone else none.
    /// </summary>
    public async Task<IQueryable<T>> VisibleAsync<T>(MiningRightsDbContext db, Actor user, IQueryable<T> all,
        Func<Guid, Expression<Func<T, bool>>>? heldBy, Func<List<string>, Expression<Func<T, bool>>> placedIn, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return all;
        }

        if (user.IsHolder)
        {
            return user.HolderId is { } holder && heldBy is not null ? all.Where(heldBy(holder)) : all.Where(_ => false);
        }

        if (user.IsOfficer && user.JurisdictionCode is { } root)
        {
            return all.Where(placedIn((await TreeAsync(db, ct)).Subtree(root).ToList()));
        }

        return all.Where(_ => false);
    }
}
