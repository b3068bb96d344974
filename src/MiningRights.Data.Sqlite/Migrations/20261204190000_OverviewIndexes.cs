using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>The officers' overview (issue 23): the indexes its grouped queries read at 100,000 rights.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261204190000_OverviewIndexes")]
public sealed class OverviewIndexes : ScriptMigration
{
    protected override string ScriptName => "20261204190000_OverviewIndexes.sql";
}
