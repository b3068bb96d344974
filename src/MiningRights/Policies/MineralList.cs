namespace MiningRights.Policies;

/// <summary>The mineral list (data, <c>minerals.json</c>): finds a mineral by its code, its Chinese or English name, or an alias.</summary>
public sealed class MineralList
{
    private readonly Dictionary<string, Mineral> _byName;

    public MineralList(IReadOnlyList<Mineral> minerals)
    {
        All = minerals;
        _byName = new Dictionary<string, Mineral>(StringComparer.OrdinalIgnoreCase);
        foreach (var mineral in minerals)
        {
            foreach (var name in new[] { mineral.Code, mineral.Zh, mineral.En }.Concat(mineral.Aliases))
            {
                _byName.TryAdd(name.Trim(), mineral);
            }
        }
    }

    public IReadOnlyList<Mineral> All { get; }

    public Mineral? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>The code of the mineral written as <paramref name="name"/>, or null when the list does not know it.</summary>
    public string? Code(string name) => Find(name)?.Code;
}
