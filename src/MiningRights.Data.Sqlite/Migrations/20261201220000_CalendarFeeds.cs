using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>Holders' calendar feeds: the secret token of each feed's address (a new table).</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261201220000_CalendarFeeds")]
public sealed class CalendarFeeds : ScriptMigration
{
    protected override string ScriptName => "20261201220000_CalendarFeeds.sql";
}
