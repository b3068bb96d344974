using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// A fault in the real database: the commands <paramref name="matches"/> picks fail with a SQLite I/O error, as many
/// times as the test asks; every other command runs normally.
/// </summary>
internal sealed class FailingCommandInterceptor(Func<DbCommand, bool> matches) : DbCommandInterceptor
{
    private int _toFail;
    private int _failed;
    private int _seen;

    /// <summary>
    /// The update that records a notice as sent: the only command that writes <c>SentAtUtc</c>. (EF Core leaves query
    /// tags out of ExecuteUpdate, so the command is told by what it writes.)
    /// </summary>
    public static FailingCommandInterceptor ForRecordingSent() => new(command =>
        command.CommandText.Contains("UPDATE \"Notifications\"", StringComparison.Ordinal)
        && command.CommandText.Contains("\"SentAtUtc\" =", StringComparison.Ordinal));

    /// <summary>How many matching commands were made to fail.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>How many matching commands were attempted, failed or not.</summary>
    public int Seen => Volatile.Read(ref _seen);

    public void FailNext(int count) => Volatile.Write(ref _toFail, count);

    public void FailEvery() => FailNext(int.MaxValue);

    public void Heal() => FailNext(0);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Inject(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inject(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Inject(DbCommand command)
    {
        if (!matches(command))
        {
            return;
        }

        Interlocked.Increment(ref _seen);
        while (true)
        {
            var left = Volatile.Read(ref _toFail);
            if (left <= 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _toFail, left == int.MaxValue ? left : left - 1, left) == left)
            {
                break;
            }
        }

        Interlocked.Increment(ref _failed);
        throw new SqliteException("disk I/O error (injected by the test)", 10);
    }
}
