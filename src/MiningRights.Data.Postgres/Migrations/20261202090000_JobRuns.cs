using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>Runs of the scheduled jobs, for the administrators' page (a new table).</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261202090000_JobRuns")]
public sealed class JobRuns : ScriptMigration
{
    protected override string ScriptName => "20261202090000_JobRuns.sql";
}
