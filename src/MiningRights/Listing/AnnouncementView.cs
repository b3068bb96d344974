using System.Text.Json.Nodes;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// A public notice as anyone may read it: the block (number, name, minerals, county, area, polygon as GeoJSON), the
/// method and prices, the period, and the transferee's company name where the notice names one. Never a company's
/// contacts: <see cref="Contact"/> is the transferring office's, as the announcement publishes it. <see cref="Ended"/>:
/// the bidding deadline (or, without one, the period) is past; <see cref="Corners"/>: the polygon's corners (拐点) in order,
/// longitude then latitude, CGCS2000.
/// </summary>
public sealed record AnnouncementView(
    Guid Id,
    AnnouncementKind Kind,
    TransferMode Method,
    string TitleZh,
    string TitleEn,
    string BlockCode,
    string BlockName,
    string[] Minerals,
    string CountyCode,
    string CountyNameZh,
    string CountyNameEn,
    decimal AreaKm2,
    decimal? StartingPrice,
    decimal? Price,
    string? TransfereeName,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string RuleId,
    DateTime PublishedAtUtc,
    JsonObject Polygon,
    DateOnly? BiddingEndsOn,
    string? Contact,
    bool Ended,
    IReadOnlyList<double[]> Corners);
