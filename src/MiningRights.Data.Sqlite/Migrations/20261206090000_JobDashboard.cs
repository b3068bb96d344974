using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>The job runs move to the job scheduler's own storage and dashboard: the service's table of them goes.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261206090000_JobDashboard")]
public sealed class JobDashboard : ScriptMigration
{
    protected override string ScriptName => "20261206090000_JobDashboard.sql";
}
