using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>
/// Complete public announcements (issue 23): on each announcement the last day bids are taken and the contact it
/// publishes (two nullable columns; notices published before named neither).
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261205100000_AnnouncementDetails")]
public sealed class AnnouncementDetails : ScriptMigration
{
    protected override string ScriptName => "20261205100000_AnnouncementDetails.sql";
}
