using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MiningRights.Data;

/// <summary>
/// Writes many rows of one entity type without the change tracker, in the unit of work's open transaction: one
/// prepared single-row statement run once per row (providers keep it compiled while its text is unchanged).
/// Table, columns and value conversions come from the EF model, so the rows are exactly those EF would write on
/// either provider. Used where a sweep writes thousands of rows of the same shape and tracking each one would cost
/// more than the work itself: the outbox's notices and the deadlines' reminder stages.
/// </summary>
public static class RowWriter
{
    /// <summary>Inserts <paramref name="rows"/> with every mapped column.</summary>
    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shape.Of<T>(db);
        var columns = shape.Entity.GetProperties().ToList();
        await using var command = shape.Command(shape.Insert(columns));
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                shape.Bind(command, i, columns[i], row);
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Updates <paramref name="columns"/> of each row found by its key and the concurrency value it was read with
    /// (<paramref name="readVersion"/>); a row changed meanwhile fails the whole write as a concurrency conflict,
    /// as SaveChanges would.
    /// </summary>
    public static async Task UpdateAsync<T>(DbContext db, IReadOnlyCollection<(T Row, int ReadVersion)> rows, IReadOnlyList<string> columns, string version, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shape.Of<T>(db);
        var set = shape.Properties(columns);
        var key = shape.Entity.FindPrimaryKey()!.Properties.Single();
        var versionProperty = shape.Entity.FindProperty(version)!;
        await using var command = shape.Command(shape.Update(set, key, versionProperty));
        foreach (var (row, readVersion) in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < set.Count; i++)
            {
                shape.Bind(command, i, set[i], row);
            }

            shape.Bind(command, set.Count, key, row);
            shape.BindValue(command, set.Count + 1, versionProperty, readVersion);
            if (await command.ExecuteNonQueryAsync(ct) != 1)
            {
                throw new DbUpdateConcurrencyException($"{typeof(T).Name} {key.GetGetter().GetClrValue(row)} was changed by another unit of work.");
            }
        }
    }

    /// <summary>The statement <see cref="InsertAsync"/> runs for each row of <typeparamref name="T"/> on <paramref name="db"/>'s provider.</summary>
    public static string InsertStatement<T>(DbContext db)
        where T : class
    {
        var shape = Shape.Of<T>(db);
        return shape.Insert(shape.Entity.GetProperties().ToList());
    }

    /// <summary>The statement <see cref="UpdateAsync"/> runs for each row of <typeparamref name="T"/> on <paramref name="db"/>'s provider.</summary>
    public static string UpdateStatement<T>(DbContext db, IReadOnlyList<string> columns, string version)
        where T : class
    {
        var shape = Shape.Of<T>(db);
        return shape.Update(shape.Properties(columns), shape.Entity.FindPrimaryKey()!.Properties.Single(), shape.Entity.FindProperty(version)!);
    }

    private sealed class Shape(DbContext db, IEntityType entity, ISqlGenerationHelper sql, StoreObjectIdentifier table)
    {
        public IEntityType Entity => entity;

        public string Table => sql.DelimitIdentifier(table.Name, table.Schema);

        public static Shape Of<T>(DbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            return new Shape(db, entity, db.GetService<ISqlGenerationHelper>(), StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
        }

        public string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

        public List<IProperty> Properties(IReadOnlyList<string> columns) =>
            columns.Select(c => entity.FindProperty(c) ?? throw new ArgumentException($"{entity.ClrType.Name} maps no {c}.", nameof(columns))).ToList();

        public string Insert(List<IProperty> columns) =>
            $"INSERT INTO {Table} ({string.Join(", ", columns.Select(Column))}) VALUES ({string.Join(", ", columns.Select((_, i) => Placeholder(i)))})";

        public string Update(List<IProperty> set, IProperty key, IProperty version) =>
            $"UPDATE {Table} SET {string.Join(", ", set.Select((p, i) => $"{Column(p)} = {Placeholder(i)}"))} " +
            $"WHERE {Column(key)} = {Placeholder(set.Count)} AND {Column(version)} = {Placeholder(set.Count + 1)}";

        public string Placeholder(int index) => sql.GenerateParameterNamePlaceholder($"p{index}");

        public DbCommand Command(string text)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Rows are written inside the unit of work's transaction.");
            command.CommandText = text;
            return command;
        }

        public void Bind(DbCommand command, int index, IProperty property, object row) =>
            BindValue(command, index, property, property.GetGetter().GetClrValue(row));

        public void BindValue(DbCommand command, int index, IProperty property, object? value) =>
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName($"p{index}"), value, property.IsNullable));
    }
}
