using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>
/// Evidence files sent with signals (a new table), and contracts entered for rights registered before the service: a
/// contract's block becomes optional and a right has one contract in force (TransferContracts rebuilt with foreign
/// keys off, as SQLite cannot drop a NOT NULL in place).
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261201160000_Evidence")]
public sealed class Evidence : ScriptMigration
{
    protected override string ScriptName => "20261201160000_Evidence.sql";

    // Dropping a table others refer to would cascade into its children: foreign keys are off around the rebuild (outside
    // the transaction, where SQLite allows it; the pragma holds for the connection only).
    protected override string Before => "PRAGMA foreign_keys = 0;";

    protected override string After => "PRAGMA foreign_keys = 1;";
}
