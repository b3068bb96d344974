using MiningRights.Ground;
using MiningRights.Listing;

namespace MiningRights.Web.Pages.Shared;

/// <summary>
/// The corners (拐点) a form's textarea gives, one corner a line, in the notation chosen beside it
/// (<c>_CornerNotation</c>): CGCS2000 longitude, latitude in decimal degrees or 度分秒, or Gauss-Krüger 3° zone X, Y with
/// the zone given or as the prefix of an eight-digit Y. A line may start with the corner's number ("1, 97.10, 39.70",
/// "J1 97.10 39.70") and separate its two values by a comma, a full-width comma, a tab or spaces. The values are read by
/// <see cref="Corners"/>, the one reader of corners the API and the register import use, which also closes the ring.
/// </summary>
public static class CornerText
{
    public const string NotationField = "cornerNotation";
    public const string ZoneField = "zone";

    private static readonly char[] Separators = [',', '，', '\t', ' '];

    /// <summary>The corners as CGCS2000 [longitude, latitude] pairs, or null for an empty text (the use case says it is required).</summary>
    /// <exception cref="RefusalException">422 naming the first corner that does not read; 400 for an unknown notation or zone.</exception>
    public static double[][]? Parse(string? text, string? notation, string? zone)
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var pairs = lines.Select(line =>
        {
            var parts = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            return string.Join(',', parts.Length == 3 ? parts[1..] : parts);
        });
        return Corners.Parse(string.Join(';', pairs), NotationOf(notation), ZoneOf(zone));
    }

    /// <summary>The corners of a posted form, read from its textarea and the notation fields beside it.</summary>
    public static double[][]? Parse(IFormCollection form, string field) =>
        Parse(form[field].ToString(), form[NotationField].ToString(), form[ZoneField].ToString());

    private static CornerNotation NotationOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? CornerNotation.LonLat
        : Enum.TryParse<CornerNotation>(text, ignoreCase: true, out var notation) && Enum.IsDefined(notation) && !int.TryParse(text, out _) ? notation
        : throw RefusalException.Invalid(NotationField, "The corners' notation is either lonLat or gaussKruger.", "拐点坐标形式只能是经纬度或高斯-克吕格平面坐标。");

    private static int? ZoneOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var zone) ? zone
        : throw RefusalException.Invalid(ZoneField, "The zone is a whole number (25 to 45).", "带号应为整数（25 至 45）。");
}
