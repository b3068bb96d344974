namespace MiningRights.Ground;

/// <summary>How a licence or announcement writes its corners (拐点坐标); every form is converted to CGCS2000 longitude/latitude.</summary>
public enum CornerNotation
{
    /// <summary>CGCS2000 longitude, latitude in decimal degrees or 度分秒 (103°49'12.5", 103°49′12.5″, 103度49分12.5秒).</summary>
    LonLat,

    /// <summary>
    /// CGCS2000 Gauss-Krüger 3° zone plane coordinates: northing X, easting Y in metres, the zone given apart or as the
    /// two-digit prefix of an eight-digit Y (35512345.67 is zone 35, 12 345.67 m east of the false origin 500 km west of
    /// the central meridian).
    /// </summary>
    GaussKruger,
}
