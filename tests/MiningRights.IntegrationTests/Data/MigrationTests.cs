using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Data.Sqlite;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// The SQLite migrations are hand-kept SQL scripts with no model snapshot, so nothing else notices when the model and
/// the scripts drift apart: the schema the migrations build must be the schema EF would build from the model.
/// (<see cref="PostgresMigrationTests"/> does the same on PostgreSQL.)
/// </summary>
[Trait("Database", "Explicit")]
public sealed partial class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(ServiceFactory.TestDataRoot, "schema-" + Guid.NewGuid().ToString("N"));

    public MigrationTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Migrations_create_exactly_the_schema_of_the_model()
    {
        using (var migrated = Context("migrated.db"))
        {
            var all = migrated.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            migrated.Database.Migrate();
            Assert.Equal(all, migrated.Database.GetAppliedMigrations().ToList());
            Assert.Empty(migrated.Database.GetPendingMigrations());
        }

        using (var created = Context("created.db"))
        {
            Assert.True(created.Database.EnsureCreated());
        }

        var fromMigrations = Schema("migrated.db");
        var fromModel = Schema("created.db");
        Assert.NotEmpty(fromModel);
        Assert.Contains(fromModel, s => s.StartsWith("table|Rights|", StringComparison.Ordinal));
        Assert.True(
            fromModel.SetEquals(fromMigrations),
            "Only in the model: " + string.Join(Environment.NewLine, fromModel.Except(fromMigrations).Order(StringComparer.Ordinal)) + Environment.NewLine +
            "Only in the migrations: " + string.Join(Environment.NewLine, fromMigrations.Except(fromModel).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        using var context = Context("twice.db");
        context.Database.Migrate();
        var once = Schema("twice.db");
        context.Database.Migrate();

        Assert.Equal(once.Order(StringComparer.Ordinal), Schema("twice.db").Order(StringComparer.Ordinal));
        Assert.Equal(context.Database.GetMigrations(), context.Database.GetAppliedMigrations());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private MiningRightsDbContext Context(string file)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        new SqliteProvider().Configure(options, ConnectionString(file));
        return new MiningRightsDbContext(options.Options);
    }

    private string ConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, file), Pooling = false }.ToString();

    /// <summary>
    /// Every table, index and trigger with its SQL, whitespace normalised, except SQLite's own and the two tables EF's
    /// migrator keeps for itself (the history, and since EF Core 9 the lock taken while migrating).
    /// </summary>
    private HashSet<string> Schema(string file)
    {
        using var connection = new SqliteConnection(ConnectionString(file));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock'";
        using var reader = command.ExecuteReader();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            // Spacing is not schema: SQLite's ALTER TABLE ADD COLUMN writes " , " and ")" where a CREATE TABLE has ", " and " )".
            var sql = reader.IsDBNull(3) ? string.Empty : SpaceAroundPunctuation().Replace(Whitespace().Replace(reader.GetString(3), " "), "$1").Trim();
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{sql}");
        }

        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([,()])\s*")]
    private static partial Regex SpaceAroundPunctuation();
}
