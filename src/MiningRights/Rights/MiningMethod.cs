namespace MiningRights.Rights;

/// <summary>开采方式</summary>
public enum MiningMethod
{
    /// <summary>露天</summary>
    OpenPit = 1,

    /// <summary>地下</summary>
    Underground = 2,

    /// <summary>露天地下联合</summary>
    Combined = 3,
}
