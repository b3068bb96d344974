using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>Quarterly verification of rights nearing expiry (GS-9b, GS-9c): batches and their tasks (new tables only).</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261201200000_Verification")]
public sealed class Verification : ScriptMigration
{
    protected override string ScriptName => "20261201200000_Verification.sql";
}
