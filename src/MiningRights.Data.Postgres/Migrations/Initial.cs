using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>The whole schema of the model as of the PostgreSQL provider's introduction.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261122200000_Initial")]
public sealed class Initial : ScriptMigration
{
    protected override string ScriptName => "20261122200000_Initial.sql";
}
