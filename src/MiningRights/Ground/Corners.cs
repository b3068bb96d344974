using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace MiningRights.Ground;

/// <summary>
/// Reads corners written in any <see cref="CornerNotation"/> and gives them as CGCS2000 <c>[longitude, latitude]</c> pairs,
/// the form <see cref="BlockPolygon.FromCorners"/> checks. Gauss-Krüger zones are the 3° zones of CGCS2000 (EPSG:4513–4533
/// with the zone prefix, 4534–4554 without): transverse Mercator on the CGCS2000 ellipsoid, central meridian 3 × zone,
/// scale 1, false easting 500 000 m, converted with ProjNET.
/// </summary>
public static partial class Corners
{
    /// <summary>The 3° zones whose central meridians (75° E to 135° E) cross China.</summary>
    public const int FirstZone = 25;

    public const int LastZone = 45;

    private const string Title = "Invalid corners";
    private const double FalseEasting = 500_000;
    private const double ZonePrefix = 1_000_000;

    // A zone is 3° wide: even at the equator its edge lies within 170 km of the central meridian. An easting farther out
    // than this is another zone's or a northing written in the easting's place.
    private const double MaxOffsetFromMeridian = 400_000;

    // China lies between 3° N and 54° N: northings between about 330 km and 6 000 km.
    private const double MinNorthing = 300_000;
    private const double MaxNorthing = 6_100_000;

    private static readonly ConcurrentDictionary<int, ZoneTransforms> Zones = new();

    /// <summary>Numeric corners <c>[[a, b], ...]</c>: longitude/latitude as they are, or Gauss-Krüger X/Y converted.</summary>
    /// <exception cref="RefusalException">422 naming the first corner that cannot be read.</exception>
    public static double[][] ToLonLat(IReadOnlyList<IReadOnlyList<double>> corners, CornerNotation notation, int? zone)
    {
        CheckZone(notation, zone);
        if (corners.Count > BlockPolygon.MostCorners + 1)
        {
            throw Refuse($"There are {corners.Count} corners; at most {BlockPolygon.MostCorners} are allowed.", $"共有 {corners.Count} 个拐点；最多允许 {BlockPolygon.MostCorners} 个。");
        }

        var result = new double[corners.Count][];
        for (var i = 0; i < corners.Count; i++)
        {
            var corner = corners[i];
            if (corner is not { Count: 2 })
            {
                throw Refuse($"Corner {i + 1} must have exactly two numbers.", $"第 {i + 1} 个拐点必须恰好有两个数值。");
            }

            result[i] = notation == CornerNotation.LonLat ? [corner[0], corner[1]] : FromGaussKruger(corner[0], corner[1], zone, i + 1);
        }

        return result;
    }

    /// <summary>
    /// Corners written as text, as a register or spreadsheet cell holds them: pairs separated by <c>;</c> or new lines, the
    /// two values of a pair by <c>,</c> (full-width ；， too). Longitude/latitude pairs put the longitude first and may use
    /// 度分秒; Gauss-Krüger pairs are X (northing), Y (easting). A licence lists each corner once, so the ring is closed
    /// here when the last corner does not repeat the first.
    /// </summary>
    /// <exception cref="RefusalException">422 naming the first corner or value that cannot be read.</exception>
    public static double[][] Parse(string? text, CornerNotation notation, int? zone)
    {
        CheckZone(notation, zone);
        var pairs = (text ?? "").Split([';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (pairs.Length == 0)
        {
            throw Refuse("The corners are missing.", "缺少拐点坐标。");
        }

        if (pairs.Length > BlockPolygon.MostCorners + 1)
        {
            throw Refuse($"There are {pairs.Length} corners; at most {BlockPolygon.MostCorners} are allowed.", $"共有 {pairs.Length} 个拐点；最多允许 {BlockPolygon.MostCorners} 个。");
        }

        var read = new List<IReadOnlyList<double>>(pairs.Length + 1);
        for (var i = 0; i < pairs.Length; i++)
        {
            var values = pairs[i].Split([',', '，'], StringSplitOptions.TrimEntries);
            if (values.Length != 2)
            {
                throw Refuse($"Corner {i + 1} ('{Text.Cut(pairs[i])}') must be two values separated by a comma.",
                    $"第 {i + 1} 个拐点（“{Text.Cut(pairs[i])}”）必须是以逗号分隔的两个数值。");
            }

            read.Add(notation == CornerNotation.LonLat
                ? [Angle(values[0], i + 1, longitude: true), Angle(values[1], i + 1, longitude: false)]
                : [Metres(values[0], i + 1, "X"), Metres(values[1], i + 1, "Y")]);
        }

        var corners = ToLonLat(read, notation, zone).ToList();
        if (corners.Count > 1 && (corners[0][0] != corners[^1][0] || corners[0][1] != corners[^1][1]))
        {
            corners.Add([corners[0][0], corners[0][1]]);
        }

        return [.. corners];
    }

    /// <summary>An angle in decimal degrees or 度分秒: <c>103.82</c>, <c>103°49'12.5"</c>, <c>103°49′12.5″</c>, <c>103度49分12.5秒</c>.</summary>
    public static double? ParseAngle(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees))
        {
            return double.IsFinite(degrees) ? degrees : null;
        }

        var match = Sexagesimal().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var d = double.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var m = match.Groups["m"].Success ? double.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var s = match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        return m >= 60 || s >= 60 ? null : d + (m / 60) + (s / 3600);
    }

    /// <summary>Longitude and latitude of Gauss-Krüger X (northing), Y (easting) in <paramref name="zone"/> or in the zone Y's prefix names.</summary>
    /// <exception cref="RefusalException">422 when the zone is missing, contradicts the prefix, or the point cannot lie in China.</exception>
    public static (double Longitude, double Latitude) FromGaussKruger(double x, double y, int? zone)
    {
        var lonLat = FromGaussKruger(x, y, zone, 1);
        return (lonLat[0], lonLat[1]);
    }

    /// <summary>Gauss-Krüger X (northing) and Y (easting, without zone prefix) of a point in the given 3° zone.</summary>
    public static (double X, double Y) ToGaussKruger(double longitude, double latitude, int zone)
    {
        var transforms = Transforms(zone);
        lock (transforms)
        {
            var (easting, northing) = transforms.ToPlane.Transform(longitude, latitude);
            return (northing, easting);
        }
    }

    /// <summary>The 3° zone whose central meridian is nearest <paramref name="longitude"/>.</summary>
    public static int ZoneOf(double longitude) => (int)Math.Round(longitude / 3, MidpointRounding.AwayFromZero);

    private static double[] FromGaussKruger(double x, double y, int? zone, int number)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw Refuse($"Corner {number} has a coordinate that is not a number.", $"第 {number} 个拐点的坐标不是数值。");
        }

        var easting = y;
        var inZone = zone;
        if (y >= ZonePrefix * 10)
        {
            // An eight-digit Y carries its zone in its first two digits.
            var prefix = (int)Math.Floor(y / ZonePrefix);
            easting = y - (prefix * ZonePrefix);
            if (zone is { } given && given != prefix)
            {
                throw Refuse($"Corner {number} has Y {Show(y)}, whose prefix names zone {prefix}, but the zone given is {given}.",
                    $"第 {number} 个拐点的 Y 坐标 {Show(y)} 带号为 {prefix}，与给出的带号 {given} 不一致。");
            }

            inZone = prefix;
        }

        if (inZone is not { } z)
        {
            throw Refuse($"Corner {number} has Y {Show(y)} without a zone: give the 3° zone, or write Y with its two-digit zone prefix (e.g. 35512345.67).",
                $"第 {number} 个拐点的 Y 坐标 {Show(y)} 没有带号：请填写 3 度带带号，或在 Y 坐标前加两位带号（如 35512345.67）。");
        }

        if (z is < FirstZone or > LastZone)
        {
            throw Refuse($"Corner {number} lies in zone {z}; China's 3° zones are {FirstZone} to {LastZone}.", $"第 {number} 个拐点位于第 {z} 带；中国的 3 度带为第 {FirstZone} 至 {LastZone} 带。");
        }

        if (Math.Abs(easting - FalseEasting) > MaxOffsetFromMeridian || x is < MinNorthing or > MaxNorthing)
        {
            throw Refuse($"Corner {number} (X {Show(x)}, Y {Show(y)}) cannot lie in China: X is the northing (about 330 000 to 6 000 000 m) and Y the easting (about 500 000 m ± 170 km); are they swapped?",
                $"第 {number} 个拐点（X {Show(x)}，Y {Show(y)}）不可能位于中国境内：X 为纵坐标（约 330 000 至 6 000 000 米），Y 为横坐标（约 500 000 米 ± 170 千米）；是否填反了？");
        }

        var transforms = Transforms(z);
        lock (transforms)
        {
            var (longitude, latitude) = transforms.ToGeographic.Transform(easting, x);
            return [longitude, latitude];
        }
    }

    private static void CheckZone(CornerNotation notation, int? zone)
    {
        if (zone is not null && notation == CornerNotation.LonLat)
        {
            throw Refuse("A zone applies to Gauss-Krüger coordinates only.", "带号仅适用于高斯-克吕格平面坐标。");
        }

        if (zone is < FirstZone or > LastZone)
        {
            throw Refuse($"Zone {zone} is not one of China's 3° zones ({FirstZone} to {LastZone}).", $"带号 {zone} 不是中国的 3 度带（第 {FirstZone} 至 {LastZone} 带）。");
        }
    }

    private static double Angle(string text, int number, bool longitude)
    {
        var name = longitude ? "longitude" : "latitude";
        var nameZh = longitude ? "经度" : "纬度";
        return ParseAngle(text) ?? throw Refuse($"Corner {number} has {name} '{Text.Cut(text)}', which is neither decimal degrees nor degrees, minutes and seconds (103°49'12.5\").",
            $"第 {number} 个拐点的{nameZh}“{Text.Cut(text)}”既不是十进制度数，也不是度分秒（如 103°49'12.5\"）。");
    }

    private static double Metres(string text, int number, string axis) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Refuse($"Corner {number} has {axis} '{Text.Cut(text)}', which is not a number of metres.", $"第 {number} 个拐点的 {axis} 坐标“{Text.Cut(text)}”不是以米为单位的数值。");

    private static ZoneTransforms Transforms(int zone) => Zones.GetOrAdd(zone, z =>
    {
        var factory = new CoordinateSystemFactory();
        var ellipsoid = factory.CreateFlattenedSphere("CGCS2000", 6378137, 298.257222101, LinearUnit.Metre);
        var datum = factory.CreateHorizontalDatum("China_2000", DatumType.HD_Geocentric, ellipsoid, null);
        var geographic = factory.CreateGeographicCoordinateSystem("CGCS2000", AngularUnit.Degrees, datum, PrimeMeridian.Greenwich,
            new AxisInfo("Lon", AxisOrientationEnum.East), new AxisInfo("Lat", AxisOrientationEnum.North));
        var projection = factory.CreateProjection("Gauss-Kruger", "transverse_mercator",
        [
            new ProjectionParameter("latitude_of_origin", 0),
            new ProjectionParameter("central_meridian", 3 * z),
            new ProjectionParameter("scale_factor", 1),
            new ProjectionParameter("false_easting", FalseEasting),
            new ProjectionParameter("false_northing", 0),
        ]);
        var plane = factory.CreateProjectedCoordinateSystem($"CGCS2000 / 3-degree Gauss-Kruger zone {z}", geographic, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
        var transforms = new CoordinateTransformationFactory();
        return new ZoneTransforms(
            transforms.CreateFromCoordinateSystems(plane, geographic).MathTransform,
            transforms.CreateFromCoordinateSystems(geographic, plane).MathTransform);
    });

    private static string Show(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static RefusalException Refuse(string detail, string detailZh) =>
        new(422, Title, detail, errors: new Dictionary<string, string[]> { ["corners"] = [detail] }, detailZh: detailZh);

    [GeneratedRegex("""^(?<d>\d{1,3}(?:\.\d+)?)\s*[°度]\s*(?:(?<m>\d{1,2}(?:\.\d+)?)\s*['′分]\s*)?(?:(?<s>\d{1,2}(?:\.\d+)?)\s*(?:"|''|″|秒)\s*)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex Sexagesimal();

    // ProjNET's transforms keep no promise of thread safety; each zone's pair is used under its own lock.
    private sealed record ZoneTransforms(MathTransform ToGeographic, MathTransform ToPlane);
}
