using System.Text.Json;
using MiningRights.Ground;
using MiningRights.Listing;

namespace MiningRights.Tests.Listing;

public sealed class BlockPolygonTests
{
    // CGCS2000 ellipsoid, independent of the code under test.
    private const double SemiMajorAxis = 6378137;
    private const double InverseFlattening = 298.257222101;

    [Fact]
    public void Missing_corners_are_refused()
    {
        AssertRefused(null, "missing");
        AssertRefused([], "missing");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void A_corner_that_is_not_exactly_two_numbers_is_refused(int values)
    {
        var corners = Quad(116, 40, 116.1, 40.1);
        corners[1] = Enumerable.Repeat(116.1, values).ToArray();

        var refusal = AssertRefused(corners, "Corner 2 is not exactly two numbers");

        Assert.Contains($"{values} value(s)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corner_holding_something_other_than_a_finite_number_is_refused()
    {
        var corners = Quad(116, 40, 116.1, 40.1);
        corners[2] = [double.NaN, 40.1];

        AssertRefused(corners, "Corner 3 is not exactly two numbers");
    }

    [Fact]
    public void A_ring_with_fewer_than_three_distinct_corners_is_refused()
    {
        AssertRefused([[116, 40], [116.1, 40], [116.1, 40], [116, 40]], "2 distinct corner(s); at least 3");
        AssertRefused([[116, 40]], "1 distinct corner(s); at least 3");
    }

    [Fact]
    public void A_ring_that_is_not_closed_is_refused()
    {
        var corners = Quad(116, 40, 116.1, 40.1);
        corners.RemoveAt(corners.Count - 1);

        AssertRefused(corners, "not closed");
    }

    [Fact]
    public void A_longitude_outside_China_is_refused_naming_the_corner_and_the_value()
    {
        var corners = Quad(72.95, 40, 73.05, 40.1);

        var refusal = AssertRefused(corners, "Corner 1 has longitude 72.95");

        Assert.Contains("73–136° E", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latitude_outside_China_is_refused_naming_the_corner_and_the_value()
    {
        var refusal = AssertRefused([[120, 53.95], [120.1, 53.95], [120.1, 54.05], [120, 54.05], [120, 53.95]],
            "Corner 3 has latitude 54.05");

        Assert.Contains("3–54° N", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_intersecting_ring_is_refused_saying_where()
    {
        // A bow tie crossing itself at (116.05, 40.05).
        var refusal = AssertRefused([[116, 40], [116.1, 40.1], [116.1, 40], [116, 40.1], [116, 40]], "self-intersecting");

        Assert.Contains("at (116.05, 40.05)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ring_with_a_spike_back_along_itself_is_refused_as_self_intersecting()
    {
        AssertRefused([[116, 40], [116.1, 40], [116.1, 40.1], [116.1, 40.2], [116.1, 40.1], [116, 40.1], [116, 40]],
            "self-intersecting");
    }

    [Fact]
    public void A_ring_enclosing_zero_area_is_refused()
    {
        AssertRefused([[116, 40], [116.1, 40.1], [116.3, 40.3], [116, 40]], "zero area");
    }

    [Fact]
    public void More_than_2000_corners_are_refused()
    {
        AssertRefused(Circle(2001), "2001 corners; at most 2000");
    }

    [Fact]
    public void Exactly_2000_corners_are_accepted()
    {
        var block = BlockPolygon.FromCorners(Circle(2000));

        Assert.Equal(2001, block.Corners.Count);
    }

    [Fact]
    public void A_ring_over_the_cap_it_is_given_is_refused_naming_the_cap()
    {
        var refusal = Assert.Throws<RefusalException>(() => BlockPolygon.FromCorners(Circle(501), maxCorners: 500));

        Assert.Contains("501 corners; at most 500", Assert.Single(Assert.Contains("corners", refusal.Errors)), StringComparison.Ordinal);
        Assert.Contains("最多允许 500 个", refusal.DetailZh, StringComparison.Ordinal);
        Assert.Equal(501, BlockPolygon.FromCorners(Circle(500), maxCorners: 500).Corners.Count);
    }

    [Fact]
    public void No_cap_lets_more_than_2000_corners_through()
    {
        AssertRefused(Circle(2001), "2001 corners; at most 2000");
        Assert.Throws<RefusalException>(() => BlockPolygon.FromCorners(Circle(2001), maxCorners: 5000));
    }

    [Fact]
    public void A_small_square_near_40_north_has_the_ellipsoidal_area_of_its_quadrangle()
    {
        var block = BlockPolygon.FromCorners(Quad(116, 40, 116.1, 40.1));

        AssertAgrees(QuadrangleKm2(116, 40, 116.1, 40.1), block.AreaKm2, 1e-4);
    }

    [Fact]
    public void A_one_degree_cell_near_40_north_has_the_ellipsoidal_area_of_its_quadrangle()
    {
        var block = BlockPolygon.FromCorners(Quad(116, 40, 117, 41));

        AssertAgrees(QuadrangleKm2(116, 40, 117, 41), block.AreaKm2, 5e-4);
    }

    [Fact]
    public void The_area_is_in_square_kilometres_not_square_degrees()
    {
        var block = BlockPolygon.FromCorners(Quad(116, 40, 117, 41));

        // About 85 km by 111 km.
        Assert.InRange(block.AreaKm2, 9_300m, 9_500m);
    }

    [Fact]
    public void The_area_is_rounded_to_four_decimals()
    {
        var block = BlockPolygon.FromCorners(Quad(116, 40, 116.1, 40.1));

        Assert.Equal(Math.Round(block.AreaKm2, 4), block.AreaKm2);
        Assert.InRange((double)block.AreaKm2 - QuadrangleKm2(116, 40, 116.1, 40.1), -0.0001, 0.0001);
    }

    [Fact]
    public void A_block_far_south_and_far_west_also_has_its_quadrangle_area()
    {
        var block = BlockPolygon.FromCorners(Quad(75, 18, 75.5, 18.5));

        AssertAgrees(QuadrangleKm2(75, 18, 75.5, 18.5), block.AreaKm2, 1e-4);
    }

    [Fact]
    public void Orientation_does_not_change_the_area()
    {
        var counterclockwise = Quad(116, 40, 116.3, 40.3);
        var clockwise = Enumerable.Reverse(counterclockwise).ToList();

        Assert.Equal(BlockPolygon.FromCorners(counterclockwise).AreaKm2, BlockPolygon.FromCorners(clockwise).AreaKm2);
    }

    [Fact]
    public void The_bounds_are_those_of_the_corners()
    {
        var block = BlockPolygon.FromCorners([[116.2, 40.1], [116.5, 40.3], [116.3, 40.6], [116.2, 40.1]]);

        Assert.Equal(116.2, block.MinLongitude);
        Assert.Equal(40.1, block.MinLatitude);
        Assert.Equal(116.5, block.MaxLongitude);
        Assert.Equal(40.6, block.MaxLatitude);
    }

    [Fact]
    public void Overlapping_squares_overlap_by_the_area_of_their_common_quadrangle()
    {
        var a = BlockPolygon.FromCorners(Quad(116, 40, 116.2, 40.2));
        var b = BlockPolygon.FromCorners(Quad(116.1, 40.1, 116.3, 40.3));

        Assert.True(a.Overlaps(b));
        Assert.True(b.Overlaps(a));
        AssertAgrees(QuadrangleKm2(116.1, 40.1, 116.2, 40.2), a.OverlapKm2(b), 1e-4);
        Assert.Equal(a.OverlapKm2(b), b.OverlapKm2(a));
    }

    [Fact]
    public void A_block_inside_another_overlaps_it_by_its_own_area()
    {
        var outer = BlockPolygon.FromCorners(Quad(116, 40, 117, 41));
        var inner = BlockPolygon.FromCorners(Quad(116.3, 40.3, 116.4, 40.4));

        Assert.True(outer.Overlaps(inner));
        Assert.Equal(inner.AreaKm2, outer.OverlapKm2(inner));
    }

    [Fact]
    public void Squares_sharing_an_edge_do_not_overlap()
    {
        var a = BlockPolygon.FromCorners(Quad(116, 40, 116.1, 40.1));
        var b = BlockPolygon.FromCorners(Quad(116.1, 40, 116.2, 40.1));

        Assert.False(a.Overlaps(b));
        Assert.Equal(0m, a.OverlapKm2(b));
    }

    [Fact]
    public void Squares_sharing_a_corner_do_not_overlap()
    {
        var a = BlockPolygon.FromCorners(Quad(116, 40, 116.1, 40.1));
        var b = BlockPolygon.FromCorners(Quad(116.1, 40.1, 116.2, 40.2));

        Assert.False(a.Overlaps(b));
        Assert.Equal(0m, a.OverlapKm2(b));
    }

    [Fact]
    public void Distant_squares_do_not_overlap()
    {
        var a = BlockPolygon.FromCorners(Quad(116, 40, 116.1, 40.1));
        var b = BlockPolygon.FromCorners(Quad(100, 30, 100.1, 30.1));

        Assert.False(a.Overlaps(b));
        Assert.Equal(0m, a.OverlapKm2(b));
    }

    [Fact]
    public void A_round_trip_through_wkt_keeps_the_corners_and_the_area()
    {
        // Coordinates with all their digits, to see none is lost in the text.
        List<IReadOnlyList<double>> corners =
            [[103.123456789012345, 36.1], [103.2, 36.0987654321098765], [103.25, 36.2], [103.1 + 0.2, 36.3], [103.123456789012345, 36.1]];
        var block = BlockPolygon.FromCorners(corners);

        var again = BlockPolygon.FromWkt(block.Wkt);

        Assert.Equal(block.AreaKm2, again.AreaKm2);
        Assert.Equal(block.Wkt, again.Wkt);
        Assert.Equal(corners.Select(c => c.ToArray()), again.Corners);
    }

    [Fact]
    public void A_stored_polygon_reads_back_with_its_text_corners_area_and_geojson()
    {
        var block = BlockPolygon.FromCorners(Circle(300));

        var stored = BlockPolygon.FromStored(block.Wkt);

        Assert.Equal(block.Wkt, stored.Wkt);
        Assert.Equal(block.Corners, stored.Corners);
        Assert.Equal(block.AreaKm2, stored.AreaKm2);
        Assert.Equal(block.ToGeoJson().ToJsonString(), stored.ToGeoJson().ToJsonString());
        Assert.Equal((block.MinLongitude, block.MinLatitude, block.MaxLongitude, block.MaxLatitude), (stored.MinLongitude, stored.MinLatitude, stored.MaxLongitude, stored.MaxLatitude));
    }

    [Fact]
    public void Shared_ground_is_the_overlap_area_and_outline_and_none_where_squares_only_touch()
    {
        var a = BlockPolygon.FromCorners(Quad(116, 40, 116.2, 40.2));
        var b = BlockPolygon.FromCorners(Quad(116.1, 40.1, 116.3, 40.3));
        var beside = BlockPolygon.FromCorners(Quad(116.2, 40, 116.4, 40.2));

        var shared = Assert.IsType<BlockPolygon.SharedGround>(a.SharedWith(b));

        Assert.Equal(a.OverlapKm2(b), shared.AreaKm2);
        Assert.Equal(a.OverlapGeoJson(b)!.ToJsonString(), shared.GeoJson.ToJsonString());
        Assert.Equal("MultiPolygon", shared.GeoJson["type"]!.GetValue<string>());
        Assert.Null(a.SharedWith(beside));
        Assert.Null(a.SharedWith(BlockPolygon.FromCorners(Quad(100, 30, 100.1, 30.1))));
    }

    [Theory]
    [InlineData("not wkt")]
    [InlineData("POINT (116 40)")]
    [InlineData("POLYGON ((116 40, 116.1 40.1, 116.1 40, 116 40.1, 116 40))")]
    [InlineData("POLYGON ((16 40, 16.1 40, 16.1 40.1, 16 40))")]
    [InlineData("POLYGON ((116 40, 117 40, 117 41, 116 41, 116 40), (116.2 40.2, 116.3 40.2, 116.3 40.3, 116.2 40.2))")]
    public void Text_that_is_not_a_valid_block_polygon_cannot_be_read(string wkt)
    {
        Assert.Throws<InvalidOperationException>(() => BlockPolygon.FromWkt(wkt));
    }

    [Fact]
    public void The_geojson_is_a_polygon_with_the_ring_as_given()
    {
        var block = BlockPolygon.FromCorners([[116, 40], [116.5, 40], [116.5, 40.25], [116, 40]]);

        var json = block.ToGeoJson().ToJsonString();

        Assert.Equal("""{"type":"Polygon","coordinates":[[[116,40],[116.5,40],[116.5,40.25],[116,40]]]}""", json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("coordinates")[0][0].ValueKind);
    }

    /// <summary>
    /// The area between two parallels and two meridians on the ellipsoid: (a²/2)·Δλ·(q(φ2) − q(φ1)), with q the
    /// authalic function (Snyder, Map Projections – A Working Manual, eq. 3-12).
    /// </summary>
    private static double QuadrangleKm2(double lon1, double lat1, double lon2, double lat2)
    {
        var flattening = 1 / InverseFlattening;
        var eSquared = flattening * (2 - flattening);
        var e = Math.Sqrt(eSquared);

        double Q(double latitude)
        {
            var sin = Math.Sin(latitude * Math.PI / 180);
            return (1 - eSquared) * ((sin / (1 - (eSquared * sin * sin))) - (1 / (2 * e) * Math.Log((1 - (e * sin)) / (1 + (e * sin)))));
        }

        var squareMetres = SemiMajorAxis * SemiMajorAxis / 2 * ((lon2 - lon1) * Math.PI / 180) * (Q(lat2) - Q(lat1));
        return squareMetres / 1e6;
    }

    private static void AssertAgrees(double expected, decimal actual, double relativeTolerance)
    {
        var relative = Math.Abs(((double)actual - expected) / expected);
        Assert.True(relative <= relativeTolerance, $"{actual} km² against {expected} km²: off by {relative:P5}.");
    }

    private static RefusalException AssertRefused(IReadOnlyList<IReadOnlyList<double>>? corners, string problem)
    {
        var refusal = Assert.Throws<RefusalException>(() => BlockPolygon.FromCorners(corners));
        Assert.Equal(422, refusal.Status);
        Assert.Equal("Invalid block polygon", refusal.Title);
        var detail = Assert.Single(Assert.Contains("corners", refusal.Errors));
        Assert.Contains(problem, detail, StringComparison.Ordinal);
        Assert.Equal(refusal.Message, detail);
        return refusal;
    }

    /// <summary>A closed counter-clockwise ring along two meridians and two parallels.</summary>
    private static List<IReadOnlyList<double>> Quad(double west, double south, double east, double north) =>
        [[west, south], [east, south], [east, north], [west, north], [west, south]];

    private static List<IReadOnlyList<double>> Circle(int corners)
    {
        var ring = Enumerable.Range(0, corners)
            .Select(i => (IReadOnlyList<double>)[110 + (0.5 * Math.Cos(2 * Math.PI * i / corners)), 35 + (0.5 * Math.Sin(2 * Math.PI * i / corners))])
            .ToList();
        ring.Add(ring[0]);
        return ring;
    }
}
