namespace MiningRights.Rights;

public enum RightKind
{
    /// <summary>探矿权</summary>
    Exploration = 1,

    /// <summary>采矿权</summary>
    Mining = 2,
}
