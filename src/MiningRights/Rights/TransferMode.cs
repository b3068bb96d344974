namespace MiningRights.Rights;

/// <summary>How the right was transferred (出让方式). Tender, auction and listing are public; agreement is not.</summary>
public enum TransferMode
{
    /// <summary>招标</summary>
    Tender = 1,

    /// <summary>拍卖</summary>
    Auction = 2,

    /// <summary>挂牌</summary>
    Listing = 3,

    /// <summary>协议</summary>
    Agreement = 4,
}
