using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace MiningRights.Ground;

/// <summary>Areas on the CGCS2000 ellipsoid of geometries given in longitude/latitude degrees.</summary>
/// <remarks>
/// An Albers equal-area conic preserves area everywhere, so the planar area of the projected geometry is its area
/// on the ellipsoid whatever the standard parallels; they are placed at 1/6 and 5/6 of the geometry's latitude range
/// (the usual choice that keeps shape distortion small over the range) and the central meridian and origin at its
/// middle, so that projected coordinates stay small and the planar sum loses no precision. Below one degree of
/// latitude the two parallels would nearly coincide and the cone constant becomes a ratio of tiny differences, so
/// they are put half a degree either side of the middle instead.
/// </remarks>
internal static class EqualArea
{
    // Edges are straight in longitude/latitude, which is how NetTopologySuite judges validity and overlaps; in the
    // projection a parallel becomes an arc, so edges are cut into pieces of at most this many degrees before
    // projecting. Without it a 1°×1° cell at 40°N comes out 0.002 % small (chords instead of arcs).
    private const double DensifyDegrees = 0.01;

    private const double SquareMetresPerSquareKilometre = 1e6;

    private static readonly GeographicCoordinateSystem Cgcs2000 = CreateCgcs2000();

    /// <summary>The area in km² of the polygonal parts of <paramref name="lonLat"/>; lines and points count zero.</summary>
    public static double SquareKilometres(Geometry lonLat)
    {
        if (lonLat.IsEmpty || lonLat.Dimension != Dimension.Surface)
        {
            return 0;
        }

        var transform = AlbersFor(lonLat.EnvelopeInternal);
        // Apply changes coordinates in place: the copy keeps the caller's geometry as it was, whatever Densify shares.
        var projected = Densifier.Densify(lonLat, DensifyDegrees).Copy();
        projected.Apply(new ProjectingFilter(transform));
        return projected.Area / SquareMetresPerSquareKilometre;
    }

    private static MathTransform AlbersFor(Envelope extent)
    {
        var middleLatitude = (extent.MinY + extent.MaxY) / 2;
        var range = extent.MaxY - extent.MinY;
        var (parallel1, parallel2) = range < 1
            ? (middleLatitude - 0.5, middleLatitude + 0.5)
            : (extent.MinY + (range / 6), extent.MinY + (range * 5 / 6));

        var factory = new CoordinateSystemFactory();
        var projection = factory.CreateProjection("Albers", "albers",
        [
            new ProjectionParameter("central_meridian", (extent.MinX + extent.MaxX) / 2),
            new ProjectionParameter("latitude_of_origin", middleLatitude),
            new ProjectionParameter("standard_parallel_1", parallel1),
            new ProjectionParameter("standard_parallel_2", parallel2),
            new ProjectionParameter("false_easting", 0),
            new ProjectionParameter("false_northing", 0),
        ]);
        var albers = factory.CreateProjectedCoordinateSystem("CGCS2000 / Albers", Cgcs2000, projection, LinearUnit.Metre,
            new AxisInfo("East", AxisOrientationEnum.East), new AxisInfo("North", AxisOrientationEnum.North));
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(Cgcs2000, albers).MathTransform;
    }

    private static GeographicCoordinateSystem CreateCgcs2000()
    {
        var factory = new CoordinateSystemFactory();
        var ellipsoid = factory.CreateFlattenedSphere("CGCS2000", 6378137, 298.257222101, LinearUnit.Metre);
        var datum = factory.CreateHorizontalDatum("China_2000", DatumType.HD_Geocentric, ellipsoid, null);
        return factory.CreateGeographicCoordinateSystem("CGCS2000", AngularUnit.Degrees, datum, PrimeMeridian.Greenwich,
            new AxisInfo("Lon", AxisOrientationEnum.East), new AxisInfo("Lat", AxisOrientationEnum.North));
    }

    private sealed class ProjectingFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
