using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : ScriptMigration
{
    protected override string ScriptName => "20261122000000_Initial.sql";
}
