using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiningRights.Data.Sqlite;

/// <summary>
/// The busy timeout makes a second process wait for the write lock instead of failing, which matters when two
/// sweeps share one database file; it is the connection string's <c>Default Timeout</c> (30 s unless set), after which
/// the request answers 503 and writes nothing. (WAL, which lets readers go on while one writer commits, is set once on the
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
        var seconds = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? sqlite.DefaultTimeout : 30;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={seconds * 1000}; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }
}
