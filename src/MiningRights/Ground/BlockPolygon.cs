using System.Globalization;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;

namespace MiningRights.Ground;

/// <summary>A block's (出让区块) or a right's area as a closed ring of CGCS2000 longitude/latitude corners.</summary>
public sealed class BlockPolygon
{
    /// <summary>The most corners any polygon may have; <see cref="ListingOptions.MaxCorners"/> caps a request's lower.</summary>
    public const int MostCorners = 2000;

    private const string Title = "Invalid block polygon";
    private const double MinChinaLongitude = 73;
    private const double MaxChinaLongitude = 136;
    private const double MinChinaLatitude = 3;
    private const double MaxChinaLatitude = 54;

    // Shared interiors smaller than this (about a square metre) are rounding noise of the overlay along a common edge.
    private const double OverlapToleranceKm2 = 1e-6;

    // A ring whose area in square degrees is this small against its extent squared only looks like a polygon
    // because of floating point (corners meant to be on one line); a real sliver of 1 m by 10 km is 1e-4.
    private const double ZeroAreaRatio = 1e-12;

    // SRID 4490 is CGCS2000 geographic; it travels with the geometry, not in the WKT.
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    private readonly Polygon polygon;

    // Written on first use: a polygon read back only to be compared needs neither its text nor its area.
    private string? wkt;
    private decimal? areaKm2;
    private IPreparedGeometry? prepared;

    private BlockPolygon(Polygon polygon, IReadOnlyList<double[]> corners, string? wkt)
    {
        this.polygon = polygon;
        this.wkt = wkt;
        Corners = corners;
        var envelope = polygon.EnvelopeInternal;
        MinLongitude = envelope.MinX;
        MinLatitude = envelope.MinY;
        MaxLongitude = envelope.MaxX;
        MaxLatitude = envelope.MaxY;
    }

    public string Wkt => wkt ??= new WKTWriter().Write(polygon);

    public IReadOnlyList<double[]> Corners { get; }

    public decimal AreaKm2 => areaKm2 ??= RoundKm2(EqualArea.SquareKilometres(polygon));

    public double MinLongitude { get; }

    public double MinLatitude { get; }

    public double MaxLongitude { get; }

    public double MaxLatitude { get; }

    /// <summary>
    /// The polygon of a closed ring <c>[[lon, lat], ...]</c> whose last corner repeats the first; either orientation; at
    /// most <paramref name="maxCorners"/> corners, counted before anything else is read.
    /// </summary>
    /// <exception cref="RefusalException">422 naming the first thing wrong with the corners.</exception>
    public static BlockPolygon FromCorners(IReadOnlyList<IReadOnlyList<double>>? corners, int maxCorners = MostCorners)
    {
        if (corners is null || corners.Count == 0)
        {
            throw Refuse("The corners are missing.", "缺少拐点坐标。");
        }

        // The closing repeat of the first corner is not counted as a corner of its own.
        var cap = Math.Min(maxCorners, MostCorners);
        if (corners.Count > cap + 1)
        {
            throw Refuse($"The ring has {corners.Count - 1} corners; at most {cap} are allowed.", $"该闭合环有 {corners.Count - 1} 个拐点；最多允许 {cap} 个。");
        }

        var ring = new double[corners.Count][];
        for (var i = 0; i < corners.Count; i++)
        {
            ring[i] = ReadCorner(corners[i], i + 1);
        }

        var first = ring[0];
        var last = ring[^1];
        if (first[0] != last[0] || first[1] != last[1])
        {
            throw Refuse($"The ring is not closed: the last corner ({Show(last)}) must repeat the first ({Show(first)}).",
                $"该环未闭合：最后一个拐点（{Show(last)}）必须与第一个拐点（{Show(first)}）相同。");
        }

        var distinct = ring.Select(c => (c[0], c[1])).Distinct().Count();
        if (distinct < 3)
        {
            throw Refuse($"The ring has {distinct} distinct corner(s); at least 3 are needed.", $"该闭合环只有 {distinct} 个不同的拐点；至少需要 3 个。");
        }

        var polygon = Factory.CreatePolygon(ring.Select(c => new Coordinate(c[0], c[1])).ToArray());
        var validity = new IsValidOp(polygon);
        var envelope = polygon.EnvelopeInternal;
        var extentSquared = (envelope.Width * envelope.Width) + (envelope.Height * envelope.Height);

        // A ring retracing one line is also invalid for NetTopologySuite; the fixed geometry tells it apart from a
        // crossing ring, whose lobes keep their area (a symmetric bow tie has a signed area of zero).
        var enclosed = validity.IsValid ? polygon.Area : GeometryFixer.Fix(polygon).Area;
        if (enclosed <= ZeroAreaRatio * extentSquared)
        {
            throw Refuse("The ring encloses zero area: its corners lie on one line or retrace their own path.", "该闭合环围成的面积为零：其拐点位于同一直线上，或沿原路折返。");
        }

        if (!validity.IsValid)
        {
            var where = validity.ValidationError?.Coordinate is { } at ? $" at ({Show(at.X, at.Y)})" : "";
            var whereZh = validity.ValidationError?.Coordinate is { } atZh ? $"于（{Show(atZh.X, atZh.Y)}）处" : "";
            throw Refuse($"The ring is self-intersecting{where}: its edges may neither cross nor touch one another.", $"该闭合环{whereZh}自相交：各边之间既不得交叉，也不得相接。");
        }

        return new BlockPolygon(polygon, ring, null);
    }

    /// <summary>
    /// A polygon the service wrote itself (<see cref="Wkt"/> of one that <see cref="FromCorners"/> accepted), read back only
    /// to be compared with others or drawn: not checked again, its area not computed unless asked for.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text is not a polygon of one ring.</exception>
    public static BlockPolygon FromStored(string wkt)
    {
        var parsed = ReadRing(wkt);
        var stored = Factory.CreatePolygon(parsed.ExteriorRing.CoordinateSequence);
        return new BlockPolygon(stored, stored.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y }).ToList(), wkt);
    }

    /// <summary>The polygon <see cref="Wkt"/> wrote, checked again as <see cref="FromCorners"/> checks corners.</summary>
    /// <exception cref="InvalidOperationException">The text is not a valid block polygon.</exception>
    public static BlockPolygon FromWkt(string wkt)
    {
        var parsed = ReadRing(wkt);
        try
        {
            return FromCorners(parsed.ExteriorRing.Coordinates.Select(c => (IReadOnlyList<double>)[c.X, c.Y]).ToList());
        }
        catch (RefusalException ex)
        {
            throw new InvalidOperationException($"The text is not a valid block polygon: {ex.Message}", ex);
        }
    }

    /// <summary>Well-known text of a polygon of one ring, read by both <see cref="FromStored"/> and <see cref="FromWkt"/>.</summary>
    /// <exception cref="InvalidOperationException">The text is not well-known text, not a polygon, empty, or has holes.</exception>
    private static Polygon ReadRing(string wkt)
    {
        Geometry geometry;
        try
        {
            geometry = new WKTReader().Read(wkt);
        }
        catch (Exception ex) when (ex is ParseException or ArgumentException or FormatException)
        {
            throw new InvalidOperationException($"The text is not well-known text of a polygon: {ex.Message}", ex);
        }

        if (geometry is not Polygon parsed)
        {
            throw new InvalidOperationException($"The text is a {geometry.GeometryType}, not a polygon.");
        }

        if (parsed.IsEmpty || parsed.NumInteriorRings > 0)
        {
            throw new InvalidOperationException("The polygon is empty or has holes; a block polygon is one ring.");
        }

        return parsed;
    }

    /// <summary>True when the interiors share area; edges or corners that only touch do not count.</summary>
    public bool Overlaps(BlockPolygon other) => SharedWith(other) is not null;

    /// <summary>The area in km² of the intersection, computed as <see cref="AreaKm2"/> is; 0 when only touching.</summary>
    public decimal OverlapKm2(BlockPolygon other) => SharedWith(other)?.AreaKm2 ?? 0m;

    /// <summary>The shared interior as a GeoJSON MultiPolygon (each part's outer ring), or null when the two only touch or are apart.</summary>
    public JsonObject? OverlapGeoJson(BlockPolygon other) => SharedWith(other)?.GeoJson;

    /// <summary>
    /// The interior this polygon shares with <paramref name="other"/>: its area in km² (as <see cref="AreaKm2"/> is computed)
    /// and its outline as <see cref="OverlapGeoJson"/> gives it; null when the two only touch or are apart.
    /// </summary>
    public SharedGround? SharedWith(BlockPolygon other)
    {
        if (!polygon.EnvelopeInternal.Intersects(other.polygon.EnvelopeInternal))
        {
            return null;
        }

        // Most polygons whose boxes meet share nothing; the prepared polygon, its edges indexed once for all the others it
        // is compared with, says so far sooner than the overlay.
        prepared ??= PreparedGeometryFactory.Prepare(polygon);
        if (!prepared.Intersects(other.polygon))
        {
            return null;
        }

        // OverlayNG with its snapping fallback: the legacy overlay can throw on nearly coincident edges, which is
        // exactly what neighbouring blocks have.
        var intersection = OverlayNGRobust.Overlay(polygon, other.polygon, SpatialFunction.Intersection);
        var km2 = EqualArea.SquareKilometres(intersection);
        return km2 > OverlapToleranceKm2 ? new SharedGround(RoundKm2(km2), Outline(intersection)) : null;
    }

    public JsonObject ToGeoJson()
    {
        var ring = new JsonArray();
        foreach (var corner in Corners)
        {
            ring.Add(new JsonArray(corner[0], corner[1]));
        }

        return new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(ring),
        };
    }

    private static JsonObject Outline(Geometry intersection)
    {
        var parts = new JsonArray();
        for (var i = 0; i < intersection.NumGeometries; i++)
        {
            if (intersection.GetGeometryN(i) is Polygon part && !part.IsEmpty)
            {
                var ring = new JsonArray();
                foreach (var c in part.ExteriorRing.Coordinates)
                {
                    ring.Add(new JsonArray(c.X, c.Y));
                }

                parts.Add(new JsonArray(ring));
            }
        }

        return new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = parts };
    }

    private static double[] ReadCorner(IReadOnlyList<double>? corner, int number)
    {
        if (corner is null || corner.Count != 2)
        {
            var got = corner is null ? "nothing" : $"{corner.Count} value(s)";
            var gotZh = corner is null ? "没有任何数值" : $"有 {corner.Count} 个数值";
            throw Refuse($"Corner {number} is not exactly two numbers [longitude, latitude]: it has {got}.", $"第 {number} 个拐点不是恰好两个数值 [经度, 纬度]：它{gotZh}。");
        }

        var (longitude, latitude) = (corner[0], corner[1]);
        if (!double.IsFinite(longitude) || !double.IsFinite(latitude))
        {
            throw Refuse($"Corner {number} is not exactly two numbers [longitude, latitude]: it holds {Show(longitude, latitude)}.",
                $"第 {number} 个拐点不是恰好两个数值 [经度, 纬度]：其值为 {Show(longitude, latitude)}。");
        }

        if (longitude is < MinChinaLongitude or > MaxChinaLongitude)
        {
            throw Refuse($"Corner {number} has longitude {Show(longitude)}, outside China's range {MinChinaLongitude}–{MaxChinaLongitude}° E.",
                $"第 {number} 个拐点的经度 {Show(longitude)} 超出中国范围（东经 {MinChinaLongitude}–{MaxChinaLongitude}°）。");
        }

        if (latitude is < MinChinaLatitude or > MaxChinaLatitude)
        {
            throw Refuse($"Corner {number} has latitude {Show(latitude)}, outside China's range {MinChinaLatitude}–{MaxChinaLatitude}° N.",
                $"第 {number} 个拐点的纬度 {Show(latitude)} 超出中国范围（北纬 {MinChinaLatitude}–{MaxChinaLatitude}°）。");
        }

        return [longitude, latitude];
    }

    private static decimal RoundKm2(double km2) => Math.Round((decimal)km2, 4, MidpointRounding.AwayFromZero);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double longitude, double latitude) => $"{Show(longitude)}, {Show(latitude)}";

    private static string Show(double[] corner) => Show(corner[0], corner[1]);

    private static RefusalException Refuse(string detail, string detailZh) =>
        new(422, Title, detail, errors: new Dictionary<string, string[]> { ["corners"] = [detail] }, detailZh: detailZh);

    /// <summary>Where two polygons share ground: the area in km² and the outline as a GeoJSON MultiPolygon.</summary>
    public sealed record SharedGround(decimal AreaKm2, JsonObject GeoJson);
}
