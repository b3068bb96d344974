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
}
