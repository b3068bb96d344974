using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>
/// Formal decisions (issue 23): the Decisions table, each decision a workflow signal declares as one, with its document
/// number, date, facts, basis and addressee.
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261205091500_Decisions")]
public sealed class Decisions : ScriptMigration
{
    protected override string ScriptName => "20261205091500_Decisions.sql";
}
