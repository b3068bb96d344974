using MiningRights.Ground;
using MiningRights.Listing;

namespace MiningRights.Tests.Listing;

/// <summary>
/// Expected values were converted independently with PROJ 9.1.1 (Debian's proj-bin), whose EPSG definitions of the
/// CGCS2000 3-degree Gauss-Krüger CRSs are <c>+proj=tmerc +lat_0=0 +lon_0=3×zone +k=1 +x_0=500000 (+zone×1e6 with the
/// prefix) +ellps=GRS80</c> (EPSG:4513–4533 with the zone prefix, 4534–4554 without; GRS80 and CGCS2000 differ only in
/// the 12th digit of the flattening). EPSG:4490 is CGCS2000 geographic, latitude first. The commands and their output:
/// <code>
/// $ echo "30.50347222222222 103.82013888888889" | cs2cs -f %.4f EPSG:4490 EPSG:4523   (zone 35, CM 105° E, prefix)
/// 3376518.6741	35386734.7127 0.0000
/// $ echo "30.50347222222222 103.82013888888889" | cs2cs -f %.4f EPSG:4490 EPSG:4543   (zone 34, CM 102° E)
/// 3377335.7878	674739.5268 0.0000
/// $ echo "36.2 120.5" | cs2cs -f %.4f EPSG:4490 EPSG:4528                              (zone 40, CM 120° E, prefix)
/// 4007850.7256	40544967.9125 0.0000
/// $ echo "43.8 87.6" | cs2cs -f %.4f EPSG:4490 EPSG:4517                               (zone 29, CM 87° E, prefix)
/// 4851775.3027	29548285.1151 0.0000
/// $ echo "25.0 106.4" | cs2cs -f %.4f EPSG:4490 EPSG:4523                              (zone 35, 1.4° from the CM)
/// 2766784.0368	35641339.2305 0.0000
/// $ echo "3380000 35512345.67" | cs2cs -f %.10f EPSG:4523 EPSG:4490
/// 30.5401513039	105.1286549877 0.0000000000
/// </code>
/// 30.50347222222222 103.82013888888889 is 30°30'12.5" N, 103°49'12.5" E.
/// </summary>
public sealed class CornersTests
{
    // 1e-8° is about 1.1 mm on the ground; PROJ's output above is rounded to 0.1 mm and 1e-10°.
    private const double Degrees = 1e-8;
    private const double Metres = 0.001;

    [Theory]
    [InlineData(3376518.6741, 35386734.7127, null, 103.82013888888889, 30.50347222222222)]
    [InlineData(3376518.6741, 386734.7127, 35, 103.82013888888889, 30.50347222222222)]
    [InlineData(3377335.7878, 674739.5268, 34, 103.82013888888889, 30.50347222222222)]
    [InlineData(4007850.7256, 40544967.9125, null, 120.5, 36.2)]
    [InlineData(4851775.3027, 29548285.1151, 29, 87.6, 43.8)]
    [InlineData(2766784.0368, 35641339.2305, null, 106.4, 25.0)]
    [InlineData(3380000, 35512345.67, null, 105.1286549877, 30.5401513039)]
    public void Gauss_Kruger_corners_convert_as_PROJ_converts_them(double x, double y, int? zone, double longitude, double latitude)
    {
        var (lon, lat) = Corners.FromGaussKruger(x, y, zone);

        Assert.Equal(longitude, lon, Degrees);
        Assert.Equal(latitude, lat, Degrees);
    }

    [Theory]
    [InlineData(103.82013888888889, 30.50347222222222, 35, 3376518.6741, 386734.7127)]
    [InlineData(103.82013888888889, 30.50347222222222, 34, 3377335.7878, 674739.5268)]
    [InlineData(120.5, 36.2, 40, 4007850.7256, 544967.9125)]
    [InlineData(87.6, 43.8, 29, 4851775.3027, 548285.1151)]
    [InlineData(106.4, 25.0, 35, 2766784.0368, 641339.2305)]
    public void Longitude_latitude_project_to_the_plane_as_PROJ_projects_them(double longitude, double latitude, int zone, double x, double y)
    {
        var (northing, easting) = Corners.ToGaussKruger(longitude, latitude, zone);

        Assert.Equal(x, northing, Metres);
        Assert.Equal(y, easting, Metres);
    }

    [Fact]
    public void A_round_trip_through_the_plane_loses_less_than_a_millimetre()
    {
        for (var lon = 74.0; lon <= 135; lon += 1.37)
        {
            for (var lat = 4.0; lat <= 53; lat += 2.9)
            {
                var zone = Corners.ZoneOf(lon);
                var (x, y) = Corners.ToGaussKruger(lon, lat, zone);
                var (backLon, backLat) = Corners.FromGaussKruger(x, y + (zone * 1e6), null);
                var (againX, againY) = Corners.ToGaussKruger(backLon, backLat, zone);

                Assert.Equal(lon, backLon, Degrees);
                Assert.Equal(lat, backLat, Degrees);
                Assert.Equal(x, againX, Metres);
                Assert.Equal(y, againY, Metres);
            }
        }
    }

    [Theory]
    [InlineData("103°49'12.5\"")]
    [InlineData("103°49′12.5″")]
    [InlineData("103度49分12.5秒")]
    [InlineData("103° 49' 12.5''")]
    [InlineData("103.82013888888889")]
    public void Every_way_of_writing_an_angle_reads_the_same(string text) =>
        Assert.Equal(103.82013888888889, Corners.ParseAngle(text)!.Value, 1e-12);

    [Theory]
    [InlineData("103°60'00\"")]
    [InlineData("103°49'75\"")]
    [InlineData("103°49")]
    [InlineData("东经103度")]
    [InlineData("")]
    [InlineData("NaN")]
    public void An_angle_that_is_not_degrees_minutes_seconds_is_not_read(string text) => Assert.Null(Corners.ParseAngle(text));

    [Fact]
    public void Text_corners_in_degrees_minutes_seconds_come_back_as_a_closed_ring_of_decimal_degrees()
    {
        var ring = Corners.Parse("103°49'12.5\",30°30'12.5\"；103度50分00秒，30度30分12.5秒;103.8333333333,30.52\n103°49′12.5″,30°31′12″", CornerNotation.LonLat, null);

        Assert.Equal(5, ring.Length);
        Assert.Equal(103.82013888888889, ring[0][0], 1e-12);
        Assert.Equal(30.50347222222222, ring[0][1], 1e-12);
        Assert.Equal(103 + (50.0 / 60), ring[1][0], 1e-12);
        Assert.Equal(30.52, ring[3][1], 1e-12);
        Assert.Equal(ring[0], ring[^1]);
        Assert.InRange((double)BlockPolygon.FromCorners(ring).AreaKm2, 2.2, 2.45);
    }

    [Fact]
    public void Text_corners_in_a_zone_convert_each_corner_and_keep_a_ring_already_closed()
    {
        const string Square = "3376518.6741,35386734.7127;3376518.6741,35387734.7127;3377518.6741,35387734.7127;3377518.6741,35386734.7127;3376518.6741,35386734.7127";

        var ring = Corners.Parse(Square, CornerNotation.GaussKruger, null);

        Assert.Equal(5, ring.Length);
        Assert.Equal(103.82013888888889, ring[0][0], Degrees);
        Assert.Equal(30.50347222222222, ring[0][1], Degrees);

        // A 1 km square on the plane of a zone with scale 1 at 1.2° from the meridian is about 0.9997² km² on the ground.
        var area = (double)BlockPolygon.FromCorners(ring).AreaKm2;
        Assert.InRange(area, 0.998, 1.0);
    }

    [Theory]
    [InlineData("3376518.6741,386734.7127", null, "without a zone")]
    [InlineData("3376518.6741,35386734.7127", 36, "prefix names zone 35, but the zone given is 36")]
    [InlineData("386734.7127,3376518.6741", 35, "are they swapped")]
    [InlineData("3376518.6741,50386734.7127", null, "zone 50")]
    [InlineData("3376518.6741;35386734.7127", null, "two values separated by a comma")]
    [InlineData("3376518.6741,35386734.7127;abc,35386734", null, "Corner 2 has X 'abc'")]
    [InlineData("", null, "missing")]
    public void Gauss_Kruger_corners_that_cannot_be_read_are_refused_naming_the_corner(string text, int? zone, string expected)
    {
        var refusal = Assert.Throws<RefusalException>(() => Corners.Parse(text, CornerNotation.GaussKruger, zone));

        Assert.Equal(422, refusal.Status);
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(refusal.DetailZh));
        Assert.Contains("corners", refusal.Errors.Keys);
    }

    [Fact]
    public void A_zone_is_refused_with_longitude_latitude_and_outside_China()
    {
        Assert.Contains("Gauss-Krüger coordinates only", Assert.Throws<RefusalException>(() => Corners.Parse("103,30;104,30;104,31", CornerNotation.LonLat, 35)).Message, StringComparison.Ordinal);
        Assert.Contains("not one of China's 3° zones", Assert.Throws<RefusalException>(() => Corners.ToLonLat([[3376518.6741, 386734.7127]], CornerNotation.GaussKruger, 12)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_longitude_latitude_corners_pass_through_unchanged()
    {
        double[][] corners = [[103.1, 30.1], [103.2, 30.1], [103.2, 30.2], [103.1, 30.1]];

        Assert.Equal(corners, Corners.ToLonLat(corners, CornerNotation.LonLat, null));
    }
}
