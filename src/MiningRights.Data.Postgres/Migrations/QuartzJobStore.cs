using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Quartz;

namespace MiningRights.Data.Postgres.Migrations;

/// <summary>
/// The tables of Quartz's ADO.NET job store, through which several service processes share one clustered schedule. They
/// are made from the PostgreSQL schema script that the Quartz package itself carries (the one its job store would run to
/// provision them), so they always match the Quartz version the service runs; prefix <c>qrtz_</c>, Quartz's default.
/// Every statement creates only what is missing. A Quartz upgrade that adds columns needs a migration of its own:
/// Quartz checks its schema when the scheduler starts and names what is missing.
/// </summary>
[DbContext(typeof(MiningRightsDbContext))]
[Migration("20261122200100_QuartzJobStore")]
public sealed class QuartzJobStore : Migration
{
    private const string Script = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string Prefix = "qrtz_";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(Script)
            ?? throw new InvalidOperationException($"The Quartz package no longer carries {Script}: write this migration's tables out.");
        using var reader = new StreamReader(stream);

        // Statements are separated by a line reading exactly "--;;"; {0} is the table prefix, {1} the same for index names.
        var statements = new List<string>();
        var statement = new List<string>();
        foreach (var line in reader.ReadToEnd().Split('\n').Append("--;;"))
        {
            if (line.Trim() == "--;;")
            {
                if (statement.Count > 0)
                {
                    statements.Add(string.Join('\n', statement));
                }

                statement.Clear();
            }
            else if (line.Trim().Length > 0 && !line.TrimStart().StartsWith("--", StringComparison.Ordinal))
            {
                statement.Add(line);
            }
        }

        foreach (var sql in statements)
        {
            migrationBuilder.Sql(sql.Replace("{0}", Prefix, StringComparison.Ordinal).Replace("{1}", Prefix, StringComparison.Ordinal));
        }
    }
}
