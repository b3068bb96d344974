using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>The officers' overview under 200 ms at 100,000 rights (issue 23): indexes from which each figure is counted without reading rows.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261205120000_OverviewCoveringIndexes")]
public sealed class OverviewCoveringIndexes : ScriptMigration
{
    protected override string ScriptName => "20261205120000_OverviewCoveringIndexes.sql";
}
