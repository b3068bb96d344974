using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Data.Postgres;
using MiningRights.IntegrationTests.Infrastructure;
using Npgsql;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// The PostgreSQL migrations are generated with a model snapshot too: a model change without a migration fails here, and
/// on the test command's real server the schema they build must be the schema EF builds from the model (columns with
/// their types, nullability and defaults, constraints, indexes).
/// </summary>
[Trait("Database", "Explicit")]
public sealed class PostgresMigrationTests
{
    [Fact]
    public void Migrations_create_exactly_the_schema_of_the_model()
    {
        var migratedDatabase = TestDatabase.CreateEmptyPostgres("schema_migrated");
        using (var migrated = Context(migratedDatabase))
        {
            var all = migrated.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            migrated.Database.Migrate();
            Assert.Equal(all, migrated.Database.GetAppliedMigrations().ToList());
            Assert.Empty(migrated.Database.GetPendingMigrations());
        }

        var createdDatabase = TestDatabase.CreateEmptyPostgres("schema_created");
        using (var created = Context(createdDatabase))
        {
            created.Database.EnsureCreated();
        }

        var fromMigrations = Schema(migratedDatabase);
        var fromModel = Schema(createdDatabase);
        Assert.Contains(fromModel, s => s.StartsWith("column|Deadlines|NextActionAtUtc|timestamp with time zone|", StringComparison.Ordinal));
        Assert.Contains(fromModel, s => s.StartsWith("column|Deadlines|DueOn|date|", StringComparison.Ordinal));
        var ours = fromMigrations.ToHashSet();
        Assert.True(
            fromModel.SetEquals(ours),
            "Only in the model: " + string.Join(Environment.NewLine, fromModel.Except(ours).Order(StringComparer.Ordinal)) + Environment.NewLine +
            "Only in the migrations: " + string.Join(Environment.NewLine, ours.Except(fromModel).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        // The model is compared with the snapshot only: no connection is opened.
        using var context = Context("Host=127.0.0.1;Database=unused");
        Assert.True(context.Database.GetMigrations().Any());
        Assert.False(
            context.Database.HasPendingModelChanges(),
            "The model differs from the PostgreSQL model snapshot: add a migration (`dotnet ef migrations add Name --project src/MiningRights.Data.Postgres`).");
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        var database = TestDatabase.CreateEmptyPostgres("schema_twice");
        using var context = Context(database);
        context.Database.Migrate();
        var once = Schema(database);
        context.Database.Migrate();

        Assert.Equal(once.Order(StringComparer.Ordinal), Schema(database).Order(StringComparer.Ordinal));
        Assert.Equal(context.Database.GetMigrations(), context.Database.GetAppliedMigrations());
    }

    private static MiningRightsDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        new PostgresProvider().Configure(options, connectionString);
        return new MiningRightsDbContext(options.Options);
    }

    /// <summary>Tables, columns, constraints and indexes of the public schema, except the two tables EF's migrator keeps.</summary>
    private static HashSet<string> Schema(string connectionString)
    {
        const string Sql = """
            SELECT 'table|' || table_name FROM information_schema.tables
             WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'column|' || table_name || '|' || column_name || '|' || data_type || '|' || coalesce(character_maximum_length::text, '')
                   || '|' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '') || '|' || is_nullable
                   || '|' || coalesce(column_default, '') || '|' || is_identity
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'constraint|' || rel.relname || '|' || con.conname || '|' || pg_get_constraintdef(con.oid)
              FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
             WHERE ns.nspname = 'public' AND rel.relname NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'index|' || tablename || '|' || indexname || '|' || indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            """;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(Sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
