namespace MiningRights.Rights;

/// <summary>Mine scale (矿山规模), which caps the licence term.</summary>
public enum MineScale
{
    Large = 1,
    Medium = 2,
    Small = 3,
}
