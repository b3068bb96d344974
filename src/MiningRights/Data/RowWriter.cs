using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MiningRights.Data;

/// <summary>
/// Writes many rows of one entity type without the change tracker, in the unit of work's open transaction: inserts many
/// rows per statement (a multi-row <c>VALUES</c> list, within every provider's limit on parameters), updates one row per
/// statement by its key; the statements of a write go as batches where the provider batches (PostgreSQL, SQL Server),
/// so a thousand rows cost a round trip or two, not a thousand. Table, columns and value conversions come from the EF
/// model, so the rows are exactly those EF would write on every provider. Used where many rows of the same shape would
/// cost more through EF Core's update pipeline than the work itself: the outbox's notices and the deadlines' reminder
/// stages (queued untracked), a large save's tracked rows (<see cref="TrackedRows"/>) and the delivery's "sent" records.
/// </summary>
public static class RowWriter
{
    /// <summary>
    /// Parameters one statement may carry: under SQL Server's limit of 2,100 (PostgreSQL allows 65,535, SQLite 32,766).
    /// </summary>
    private const int ParametersPerStatement = 2000;

    /// <summary>Rows one statement may carry: SQL Server's limit on a <c>VALUES</c> list.</summary>
    private const int RowsPerStatement = 1000;

    /// <summary>Statements sent in one batch where the provider batches.</summary>
    private const int StatementsPerBatch = 500;

    /// <summary>Inserts <paramref name="rows"/> with every mapped column.</summary>
    public static Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = Shape.EntityOf<T>(db);
        return InsertAsync(db, entity, rows, entity.GetProperties().ToList(), ct);
    }

    /// <summary>Inserts <paramref name="rows"/> of <paramref name="entity"/> with the values of <paramref name="columns"/> (the others are the database's to fill).</summary>
    internal static async Task InsertAsync(DbContext db, IEntityType entity, IReadOnlyCollection<object> rows, IReadOnlyList<IProperty> columns, CancellationToken ct)
    {
        var shape = Shape.Of(db, entity);
        await shape.WriteAsync(rows, Math.Min(RowsPerStatement, ParametersPerStatement / columns.Count), count => shape.Insert(columns, count),
            row => columns.Select(c => (c, c.GetGetter().GetClrValue(row))), (_, _) => { }, ct);
    }

    /// <summary>
    /// Updates <paramref name="columns"/> of each row found by its key and the concurrency value it was read with
    /// (<paramref name="readVersion"/>); a row changed meanwhile fails the whole write as a concurrency conflict,
    /// as SaveChanges would.
    /// </summary>
    public static Task UpdateAsync<T>(DbContext db, IReadOnlyCollection<(T Row, int ReadVersion)> rows, IReadOnlyList<string> columns, string version, CancellationToken ct)
        where T : class
    {
        var entity = Shape.EntityOf<T>(db);
        return UpdateAsync(db, entity, rows.Select(r => ((object)r.Row, r.ReadVersion)).ToList(), Shape.Of(db, entity).Properties(columns),
            entity.FindProperty(version) ?? throw new ArgumentException($"{typeof(T).Name} maps no {version}.", nameof(version)), ct);
    }

    /// <summary>Updates <paramref name="set"/> of each of <paramref name="rows"/> of <paramref name="entity"/>, as <see cref="UpdateAsync{T}"/>.</summary>
    internal static async Task UpdateAsync(DbContext db, IEntityType entity, IReadOnlyCollection<(object Row, int ReadVersion)> rows, IReadOnlyList<IProperty> set, IProperty version, CancellationToken ct)
    {
        var shape = Shape.Of(db, entity);
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var statement = shape.Update(set, key, version);
        await shape.WriteAsync(rows, rowsPerStatement: 1, _ => statement,
            item => set.Select(p => (p, p.GetGetter().GetClrValue(item.Row)))
                .Append((key, key.GetGetter().GetClrValue(item.Row)))
                .Append((version, (object?)item.ReadVersion)),
            (statementRows, affected) =>
            {
                if (affected != 1)
                {
                    throw new DbUpdateConcurrencyException($"{entity.ClrType.Name} {key.GetGetter().GetClrValue(statementRows[0].Row)} was changed by another unit of work.");
                }
            }, ct);
    }

    /// <summary>
    /// Sets <paramref name="values"/> (property, new value) on the rows whose keys are <paramref name="keys"/>: what a
    /// LINQ <c>ExecuteUpdate</c> of those rows does, without compiling a query at every call. One statement per
    /// <see cref="RowsPerStatement"/> keys, run through EF's command pipeline (its connection, the unit of work's
    /// transaction if one is open, its logging and interceptors). Returns the number of rows changed.
    /// </summary>
    public static async Task<int> SetAsync<T>(DbContext db, IReadOnlyCollection<object> keys, IReadOnlyList<(string Property, object? Value)> values, CancellationToken ct)
        where T : class
    {
        var shape = Shape.Of<T>(db);
        var set = shape.Properties(values.Select(v => v.Property).ToList());
        var key = shape.Entity.FindPrimaryKey()!.Properties.Single();
        await using var maker = db.Database.GetDbConnection().CreateCommand();
        var changed = 0;
        foreach (var statementKeys in keys.Chunk(Math.Min(RowsPerStatement, ParametersPerStatement - set.Count)))
        {
            var parameters = set.Select((p, i) => (p, values[i].Value))
                .Concat(statementKeys.Select(k => (key, (object?)k)))
                .Select((v, i) => (object)shape.Parameter(maker, i, v.Item1, v.Item2))
                .ToList();
            changed += await db.Database.ExecuteSqlRawAsync(shape.Set(set, key, statementKeys.Length), parameters, ct);
        }

        return changed;
    }

    /// <summary>The statement <see cref="InsertAsync"/> runs for <paramref name="rows"/> rows of <typeparamref name="T"/> on <paramref name="db"/>'s provider.</summary>
    public static string InsertStatement<T>(DbContext db, int rows)
        where T : class
    {
        var shape = Shape.Of<T>(db);
        return shape.Insert(shape.Entity.GetProperties().ToList(), rows);
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

        private string Table => sql.DelimitIdentifier(table.Name, table.Schema);

        public static IEntityType EntityOf<T>(DbContext db) =>
            db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

        public static Shape Of<T>(DbContext db) => Of(db, EntityOf<T>(db));

        public static Shape Of(DbContext db, IEntityType entity) =>
            new(db, entity, db.GetService<ISqlGenerationHelper>(), StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));

        public List<IProperty> Properties(IReadOnlyList<string> columns) =>
            columns.Select(c => entity.FindProperty(c) ?? throw new ArgumentException($"{entity.ClrType.Name} maps no {c}.", nameof(columns))).ToList();

        /// <summary><c>INSERT INTO t (a, b) VALUES (@p0, @p1), (@p2, @p3)</c>.</summary>
        public string Insert(IReadOnlyList<IProperty> columns, int rows) =>
            $"INSERT INTO {Table} ({string.Join(", ", columns.Select(Column))}) VALUES {Values(columns.Count, rows)}";

        /// <summary>
        /// <c>UPDATE t SET a = @p0 WHERE Id = @p1 AND Version = @p2</c>: one row per statement, so each is found through
        /// its key (a join with a list of values may be planned as a scan of the table) and its own version is checked.
        /// </summary>
        public string Update(IReadOnlyList<IProperty> set, IProperty key, IProperty version) =>
            $"UPDATE {Table} SET {string.Join(", ", set.Select((p, i) => $"{Column(p)} = {Placeholder(i)}"))} " +
            $"WHERE {Column(key)} = {Placeholder(set.Count)} AND {Column(version)} = {Placeholder(set.Count + 1)}";

        /// <summary><c>UPDATE t SET a = @p0, b = @p1 WHERE Id IN (@p2, @p3)</c>.</summary>
        public string Set(List<IProperty> set, IProperty key, int keys) =>
            $"UPDATE {Table} SET {string.Join(", ", set.Select((p, i) => $"{Column(p)} = {Placeholder(i)}"))} " +
            $"WHERE {Column(key)} IN ({string.Join(", ", Enumerable.Range(set.Count, keys).Select(Placeholder))})";

        /// <summary>The <paramref name="index"/>-th parameter of a statement, made by the property's type mapping (value conversions included).</summary>
        public DbParameter Parameter(DbCommand maker, int index, IProperty property, object? value) =>
            property.GetRelationalTypeMapping().CreateParameter(maker, sql.GenerateParameterName($"p{index}"), value, property.IsNullable);

        /// <summary>
        /// Writes <paramref name="rows"/>, as many per statement as the limits allow, in the unit of work's transaction.
        /// <paramref name="check"/> sees each statement's rows with the rows it affected.
        /// </summary>
        public async Task WriteAsync<TRow>(
            IReadOnlyCollection<TRow> rows,
            int rowsPerStatement,
            Func<int, string> statementFor,
            Func<TRow, IEnumerable<(IProperty Property, object? Value)>> valuesOf,
            Action<TRow[], int> check,
            CancellationToken ct)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("Rows are written inside the unit of work's transaction.");
            var statements = rows.Chunk(rowsPerStatement).ToList();

            // Parameters are made by the type mapping on a command, then given to the command or batch command that runs them.
            await using var maker = connection.CreateCommand();
            List<DbParameter> Parameters(TRow[] statementRows) =>
                statementRows.SelectMany(valuesOf)
                    .Select((value, i) => Parameter(maker, i, value.Property, value.Value))
                    .ToList();

            if (!connection.CanCreateBatch)
            {
                // SQLite: in process, so a statement costs no round trip. One command, kept compiled while its text is
                // unchanged and bound again for each statement.
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                foreach (var statementRows in statements)
                {
                    var text = statementFor(statementRows.Length);
                    if (command.CommandText != text)
                    {
                        command.CommandText = text;
                    }

                    command.Parameters.Clear();
                    command.Parameters.AddRange(Parameters(statementRows).ToArray());
                    check(statementRows, await command.ExecuteNonQueryAsync(ct));
                }

                return;
            }

            foreach (var sent in statements.Chunk(StatementsPerBatch))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var statementRows in sent)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statementFor(statementRows.Length);
                    foreach (var parameter in Parameters(statementRows))
                    {
                        command.Parameters.Add(parameter);
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(ct);
                for (var i = 0; i < sent.Length; i++)
                {
                    check(sent[i], batch.BatchCommands[i].RecordsAffected);
                }
            }
        }

        private string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);

        private string Placeholder(int index) => sql.GenerateParameterNamePlaceholder($"p{index}");

        private string Values(int columns, int rows) =>
            string.Join(", ", Enumerable.Range(0, rows).Select(row =>
                $"({string.Join(", ", Enumerable.Range(0, columns).Select(column => Placeholder((row * columns) + column)))})"));
    }
}
