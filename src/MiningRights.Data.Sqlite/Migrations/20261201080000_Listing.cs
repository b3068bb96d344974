using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>Public transfer: blocks, footprints, plans, announcements, objections, contracts and transfer income (new tables only).</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261201080000_Listing")]
public sealed class Listing : ScriptMigration
{
    protected override string ScriptName => "20261201080000_Listing.sql";
}
