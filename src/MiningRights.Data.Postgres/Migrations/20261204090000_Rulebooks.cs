using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>
/// Rulebooks as data (issue 22): the Rulebooks table (every product rulebook run with, under its hash, and those an
/// administrator added), the day each instance's duty arose, and the citation text stored with each journal entry and case.
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261204090000_Rulebooks")]
public sealed class Rulebooks : ScriptMigration
{
    protected override string ScriptName => "20261204090000_Rulebooks.sql";
}
