using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>The officers' overview under 200 ms at 100,000 rights (issue 23): duties carry their instance's place, authority and end (backfilled), and each figure has an index it is counted from without reading rows.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261205120000_OverviewCounts")]
public sealed class OverviewCounts : ScriptMigration
{
    protected override string ScriptName => "20261205120000_OverviewCounts.sql";
}
