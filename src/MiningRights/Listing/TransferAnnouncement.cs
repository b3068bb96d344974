using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// A public notice about a block: a tender, auction or listing announcement (出让公告), its result (成交公示), or the
/// disclosure of an agreement transfer (协议出让公示). Readable without signing in; it names a company only as a public
/// notice does (its name), never its contacts.
/// </summary>
public sealed class TransferAnnouncement
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid BlockId { get; init; }

    public required Guid InstanceId { get; init; }

    public required AnnouncementKind Kind { get; init; }

    public required TransferMode Method { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    /// <summary>The starting price (起始价) the announcement publishes, if one was set; the reserve price (底价) is never published.</summary>
    public decimal? StartingPrice { get; init; }

    /// <summary>The transaction price or the agreed transfer income.</summary>
    public decimal? Price { get; init; }

    /// <summary>The winning bidder or the applicant, by name, as the public notice shows it.</summary>
    public string? TransfereeName { get; init; }

    public required DateOnly StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public required string RuleId { get; init; }

    public DateTime PublishedAtUtc { get; init; }

    /// <summary>The last day bids are taken (竞买截止日), as the announcement publishes it; none for a result or a disclosure.</summary>
    public DateOnly? BiddingEndsOn { get; init; }

    /// <summary>Where bidders ask (联系方式): the office, telephone or address the announcement publishes.</summary>
    public string? Contact { get; init; }
}
