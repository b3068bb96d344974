using System.Globalization;

namespace MiningRights.Web.Pages.Rights;

/// <summary>
/// Corner points (拐点) as a form's textarea gives them, one corner a line, read in one place for every page that takes
/// corners: today "longitude, latitude" in decimal degrees (CGCS2000), separated by a comma, a space or a tab.
/// </summary>
public static class CornerText
{
    /// <summary>More corners than any licence polygon has; the use case applies the real cap.</summary>
    private const int MaxLines = 2000;

    /// <summary>The corners as [longitude, latitude] pairs, or null when the text is empty; a line that is not a pair is a 400 naming it.</summary>
    public static double[][]? Parse(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        if (lines.Length > MaxLines)
        {
            throw RefusalException.Invalid("corners", $"At most {MaxLines} corners.", $"拐点最多 {MaxLines} 个。");
        }

        var corners = new double[lines.Length][];
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([',', '，', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude))
            {
                throw RefusalException.Invalid("corners",
                    $"Corner line {i + 1} is not \"longitude, latitude\" in decimal degrees.", $"第 {i + 1} 行拐点不是“经度, 纬度”（十进制度）。");
            }

            corners[i] = [longitude, latitude];
        }

        return corners;
    }
}
