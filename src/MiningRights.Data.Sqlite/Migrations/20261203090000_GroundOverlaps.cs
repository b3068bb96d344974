using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>
/// Overlaps kept when ground is written (issue 21): the GroundOverlaps table, and on each footprint its GeoJSON and when
/// its overlaps were recorded (two nullable columns; existing footprints are recorded at the next start).
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261203090000_GroundOverlaps")]
public sealed class GroundOverlaps : ScriptMigration
{
    protected override string ScriptName => "20261203090000_GroundOverlaps.sql";
}
