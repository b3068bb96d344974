using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>Workflow instances on subjects (issue: one runtime for every process); tables rebuilt with foreign keys off.</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261122120000_Subjects")]
public sealed class Subjects : ScriptMigration
{
    protected override string ScriptName => "20261122120000_Subjects.sql";

    protected override bool RebuildsTables => true;
}
