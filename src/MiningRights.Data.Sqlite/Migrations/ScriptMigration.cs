using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data.Sqlite.Migrations;

/// <summary>
/// A migration whose Up is a SQL script embedded beside it (Migrations/{id}.sql). Released scripts are never
/// edited: a change to the model is a new script.
/// </summary>
public abstract class ScriptMigration : Migration
{
    protected abstract string ScriptName { get; }

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var assembly = typeof(ScriptMigration).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + ScriptName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }
}
