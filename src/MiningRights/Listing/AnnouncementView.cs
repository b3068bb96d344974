using System.Text.Json.Nodes;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// A public notice as anyone may read it: the block (number, name, minerals, county, area, polygon as GeoJSON), the
/// method and prices, the period, and the transferee's company name where the notice names one. Never contacts.
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
    JsonObject Polygon);
