using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MiningRights.Data;

/// <summary>
/// A large save's tracked changes written by the bulk writer (<see cref="RowWriter"/>) instead of EF Core's update
/// pipeline, whose ordering and batching of every command cost more than the statements: a sweep's batch of 500
/// expiries is 2,000 tracked rows (journal entries, instances, deadlines closed and opened). Planned only for what the
/// bulk writer writes exactly as EF would (each row's changed columns, under its version): rows added or modified (none
/// deleted) of plain single-table entity types with a one-column key, updates checked by the type's one integer
/// concurrency token, values the database generates only for new rows' keys (an identity), and no type both added and
/// modified where a unique index could make their order matter. New rows are written first, principals before their
/// dependents, then the updates. Anything else is left to EF Core, whole.
/// </summary>
internal sealed class TrackedRows
{
    private readonly List<Group> _groups;

    private TrackedRows(List<Group> groups) => _groups = groups;

    /// <summary>The plan for <paramref name="entries"/> (the changed ones), or null when EF Core should write them.</summary>
    public static TrackedRows? Plan(IReadOnlyList<EntityEntry> entries)
    {
        if (entries.Any(e => e.State is not (EntityState.Added or EntityState.Modified)))
        {
            return null;
        }

        var byType = entries.GroupBy(e => e.Metadata).ToList();
        var order = PrincipalsFirst(byType.Select(g => g.Key).ToList());
        if (order is null)
        {
            return null;
        }

        var inserts = new List<Group>();
        var updates = new List<Group>();
        foreach (var type in order)
        {
            var rows = byType.Single(g => g.Key == type).ToList();
            var added = rows.Where(e => e.State == EntityState.Added).ToList();
            var modified = rows.Where(e => e.State == EntityState.Modified).ToList();
            if (!Plain(type) || (added.Count > 0 && modified.Count > 0 && type.GetIndexes().Any(i => i.IsUnique)))
            {
                return null;
            }

            if (added.Count > 0)
            {
                if (Insert(type, added) is not { } insert)
                {
                    return null;
                }

                inserts.Add(insert);
            }

            if (modified.Count > 0)
            {
                if (Update(type, modified) is not { } update)
                {
                    return null;
                }

                updates.Add(update);
            }
        }

        return new TrackedRows([.. inserts, .. updates]);
    }

    /// <summary>Writes every row in the unit of work's transaction; returns how many.</summary>
    public async Task<int> WriteAsync(DbContext db, CancellationToken ct)
    {
        var written = 0;
        foreach (var group in _groups)
        {
            await group.WriteAsync(db, ct);
            written += group.Entries.Count;
        }

        return written;
    }

    /// <summary>
    /// Once written: new rows whose key the database generated are no longer tracked (their keys are not read back),
    /// so that accepting the changes leaves no row tracked under a placeholder key.
    /// </summary>
    public void Detach()
    {
        foreach (var entry in _groups.Where(g => g.KeyGenerated).SelectMany(g => g.Entries))
        {
            entry.State = EntityState.Detached;
        }
    }

    private static bool Plain(IEntityType type) =>
        !type.IsOwned() && type.BaseType is null && !type.GetDerivedTypes().Any() && !type.GetComplexProperties().Any()
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) && type.GetTableName() is not null
        && type.FindPrimaryKey()?.Properties.Count == 1
        && !type.GetProperties().Any(p => p.IsShadowProperty() || p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate));

    private static Group? Insert(IEntityType type, List<EntityEntry> added)
    {
        // A value the database generates is temporary on every new row (an identity key) and left out; one set on some
        // rows and not on others, or a foreign key not known yet, is EF Core's to resolve.
        var columns = new List<IProperty>();
        var keyGenerated = false;
        foreach (var property in type.GetProperties())
        {
            var temporary = added.Count(e => e.Property(property).IsTemporary);
            if (temporary == 0)
            {
                columns.Add(property);
            }
            else if (temporary < added.Count || property.IsForeignKey() || !property.IsPrimaryKey())
            {
                return null;
            }
            else
            {
                keyGenerated = true;
            }
        }

        return new Group(added, keyGenerated, (db, ct) => RowWriter.InsertAsync(db, type, added.Select(e => e.Entity).ToList(), columns, ct));
    }

    private static Group? Update(IEntityType type, List<EntityEntry> modified)
    {
        var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
        if (tokens is not [{ } version] || version.ClrType != typeof(int))
        {
            return null;
        }

        // Each row sets only the columns it changed, as EF Core would, so a column another unit of work changed without
        // moving the version is not written back: rows are written in sets of the same changed columns.
        var columns = type.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var writes = modified
            .Select(e => (Entry: e, Set: columns.Where(p => e.Property(p).IsModified).ToList()))
            .GroupBy(row => string.Join(',', row.Set.Select(p => p.Name)))
            .Select(rows => (rows.First().Set, Rows: rows.Select(row => (row.Entry.Entity, (int)row.Entry.Property(version).OriginalValue!)).ToList()))
            .ToList();
        return new Group(modified, KeyGenerated: false, async (db, ct) =>
        {
            foreach (var (set, rows) in writes)
            {
                await RowWriter.UpdateAsync(db, type, rows, set, version, ct);
            }
        });
    }

    /// <summary>The types in an order where each comes after the types its foreign keys point to; null for a cycle or a type pointing to itself.</summary>
    private static List<IEntityType>? PrincipalsFirst(List<IEntityType> types)
    {
        var principals = types.ToDictionary(t => t, t => t.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(types.Contains).ToHashSet());
        if (principals.Any(p => p.Value.Contains(p.Key)))
        {
            return null;
        }

        var ordered = new List<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var next = types.FirstOrDefault(t => !ordered.Contains(t) && principals[t].All(ordered.Contains));
            if (next is null)
            {
                return null;
            }

            ordered.Add(next);
        }

        return ordered;
    }

    private sealed record Group(IReadOnlyList<EntityEntry> Entries, bool KeyGenerated, Func<DbContext, CancellationToken, Task> Write)
    {
        public Task WriteAsync(DbContext db, CancellationToken ct) => Write(db, ct);
    }
}
