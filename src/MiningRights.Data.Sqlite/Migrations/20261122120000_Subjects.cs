using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>Workflow instances on subjects (issue: one runtime for every process); tables rebuilt with foreign keys off.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261122120000_Subjects")]
public sealed class Subjects : ScriptMigration
{
    protected override string ScriptName => "20261122120000_Subjects.sql";

    // Dropping a table others refer to would cascade into its children: foreign keys are off around the rebuild (outside
    // the transaction, where SQLite allows it; the pragma holds for the connection only).
    protected override string Before => "PRAGMA foreign_keys = 0;";

    protected override string After => "PRAGMA foreign_keys = 1;";
}
