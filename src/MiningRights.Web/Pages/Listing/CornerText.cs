using System.Globalization;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Pages.Listing;

/// <summary>
/// The corners (拐点) of a polygon as an officer types them: one corner a line, longitude then latitude in decimal
/// degrees (CGCS2000), separated by a comma, a Chinese comma, a semicolon, a tab or spaces; a leading corner number
/// ("1, 97.10, 39.70" or "J1 97.10 39.70") is allowed. A 拐点 list names each corner once: the ring is closed here by
/// repeating the first corner (typed again at the end, it is taken as typed). Every form that takes corners reads them here, so that another
/// notation (度分秒, Gauss-Krüger X/Y) is added in this one place.
/// </summary>
public static class CornerText
{
    private static readonly char[] Separators = [',', '，', ';', '；', '\t', ' '];

    /// <summary>The corners in order, as the use cases take them; null for an empty text (the use case says it is required).</summary>
    public static double[][]? Parse(string? text, string field = "corners")
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var corners = new List<double[]>();
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3)
            {
                parts = parts[1..];
            }

            if (parts.Length != 2 || !Degrees(parts[0], out var longitude) || !Degrees(parts[1], out var latitude))
            {
                throw RefusalException.Invalid(field,
                    $"Line {i + 1}, '{EchoedText.Shorten(lines[i])}', is not a corner: give longitude and latitude in decimal degrees, such as 97.10, 39.70.",
                    $"第 {i + 1} 行“{EchoedText.Shorten(lines[i])}”不是拐点坐标：请按“经度, 纬度”填写十进制度，例如 97.10, 39.70。");
            }

            corners.Add([longitude, latitude]);
        }

        if (corners[0][0] != corners[^1][0] || corners[0][1] != corners[^1][1])
        {
            corners.Add([corners[0][0], corners[0][1]]);
        }

        return [.. corners];
    }

    private static bool Degrees(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
