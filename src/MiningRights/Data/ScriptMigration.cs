using Microsoft.EntityFrameworkCore.Migrations;

namespace MiningRights.Data;

/// <summary>
/// A migration whose Up is a SQL script embedded in the migration's own assembly (Migrations/{id}.sql), one assembly per
/// provider. Released scripts are never edited: a change to the model is a new script for each provider.
/// </summary>
public abstract class ScriptMigration : Migration
{
    protected abstract string ScriptName { get; }

    /// <summary>Statements run before the script, outside its transaction (SQLite: switching foreign keys off).</summary>
    protected virtual string? Before => null;

    /// <summary>Statements run after the script, outside its transaction.</summary>
    protected virtual string? After => null;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (Before is { } before)
        {
            migrationBuilder.Sql(before, suppressTransaction: true);
        }

        var assembly = GetType().Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + ScriptName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
        if (After is { } after)
        {
            migrationBuilder.Sql(after, suppressTransaction: true);
        }
    }
}
