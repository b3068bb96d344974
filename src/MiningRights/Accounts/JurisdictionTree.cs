using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// The jurisdiction tree, read once: officers act within their node's subtree, and a right belongs to the subtree
/// of its registration authority and of its location county.
/// </summary>
public sealed class JurisdictionTree
{
    private readonly Dictionary<string, Jurisdiction> _nodes;

    public JurisdictionTree(IEnumerable<Jurisdiction> nodes)
    {
        _nodes = nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
    }

    public static async Task<JurisdictionTree> LoadAsync(MiningRightsDbContext db, CancellationToken ct) =>
        new(await db.Jurisdictions.AsNoTracking().ToListAsync(ct));

    public Jurisdiction? Find(string? code) => code is null ? null : _nodes.GetValueOrDefault(code);

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool Contains(string ancestor, string code)
    {
        for (var node = Find(code); node is not null; node = Find(node.ParentCode))
        {
            if (node.Code == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nodes right below <paramref name="code"/>, by code.</summary>
    public IEnumerable<Jurisdiction> Children(string code) =>
        _nodes.Values.Where(n => n.ParentCode == code).OrderBy(n => n.Code, StringComparer.Ordinal);

    /// <summary>Every code in the subtree rooted at <paramref name="root"/>, the root included.</summary>
    public IReadOnlyCollection<string> Subtree(string root) =>
        _nodes.Keys.Where(code => Contains(root, code)).ToList();
}
