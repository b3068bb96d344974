using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>
/// A migration whose Up is a SQL script embedded beside it (Migrations/{id}.sql). Released scripts are never
/// edited: a change to the model is a new script.
/// </summary>
public abstract class ScriptMigration : Migration
{
    protected abstract string ScriptName { get; }

    /// <summary>
    /// True for a script that drops and recreates tables others refer to: foreign keys are switched off around it
    /// (outside the transaction, where SQLite allows it), or dropping a table would cascade into its children.
    /// </summary>
    protected virtual bool RebuildsTables => false;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (RebuildsTables)
        {
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        }

        var assembly = typeof(ScriptMigration).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + ScriptName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
        if (RebuildsTables)
        {
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }
    }
}
