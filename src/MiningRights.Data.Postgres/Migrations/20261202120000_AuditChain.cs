using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>The audit trail's hash chain: each entry's place and hash, set when sealed (two new columns and a unique index).</summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261202120000_AuditChain")]
public sealed class AuditHashChain : ScriptMigration
{
    protected override string ScriptName => "20261202120000_AuditChain.sql";
}
