using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiningRights.Data.Sqlite;

/// <summary>
/// The busy timeout makes a second process wait for the write lock instead of failing, which matters when two
/// sweeps share one database file. (WAL, which lets readers go on while one writer commits, is set once on the
/// file by <see cref="SqliteProvider.PrepareAsync"/>: changing the journal mode needs a lock of its own.)
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }
}
