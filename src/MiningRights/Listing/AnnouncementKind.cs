namespace MiningRights.Listing;

public enum AnnouncementKind
{
    /// <summary>出让公告: a tender, auction or listing is announced.</summary>
    Listing = 1,

    /// <summary>成交公示: the outcome of a tender, auction or listing.</summary>
    Result = 2,

    /// <summary>协议出让公示: an agreement transfer disclosed before it is approved (GS-9a).</summary>
    Disclosure = 3,
}
