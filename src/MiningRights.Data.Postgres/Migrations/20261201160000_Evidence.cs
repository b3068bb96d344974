using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>Evidence files sent with signals; contracts entered for rights registered before the service (block optional, one per right); longer journal notes.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261201160000_Evidence")]
public sealed class Evidence : ScriptMigration
{
    protected override string ScriptName => "20261201160000_Evidence.sql";
}
