using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>The register's expiry filters and the list of rights about to expire (issue 23) read rights by the day their term ends.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261205090000_RightExpiry")]
public sealed class RightExpiry : ScriptMigration
{
    protected override string ScriptName => "20261205090000_RightExpiry.sql";
}
