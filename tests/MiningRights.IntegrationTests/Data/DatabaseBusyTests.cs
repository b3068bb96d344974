using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using MiningRights.Data.Sqlite;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// The embedded database held locked by another writer (a backup tool, an operator's shell): a request waits and
/// succeeds when the lock goes within the busy timeout; held longer, it answers 503 with a ProblemDetails, says to send it
/// again, and nothing of it is written.
/// </summary>
public sealed class DatabaseBusyTests
{
    [Fact]
    public async Task A_request_waits_for_a_short_lock_and_answers_503_writing_nothing_when_the_lock_outlasts_the_timeout()
    {
        var data = Path.Combine(ServiceFactory.TestDataRoot, Guid.NewGuid().ToString("N"));
        var file = new SqliteConnectionStringBuilder(SqliteProvider.ConnectionStringFor(data)) { DefaultTimeout = 2 };
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10), data, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:MiningRights"] = file.ConnectionString,
        });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        var admin = await api.AdminAsync();
        var before = await CountAsync(admin);


        // Locked for one second: the registration waits and goes through.
        await using (var other = await LockAsync(file))
        {
            var waiting = authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1)));
            await Task.Delay(1000);
            await other.CommitAsync();
            Assert.Equal(HttpStatusCode.Created, (await waiting).StatusCode);
        }

        Assert.Equal(before + 1, await CountAsync(admin));

        // Locked past the two-second timeout: 503, and nothing was written.
        await using (var other = await LockAsync(file))
        {
            var refused = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))),
                HttpStatusCode.ServiceUnavailable);
            Assert.Contains("nothing of this request was saved", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotNull(refused["detailZh"]);
            await other.CommitAsync();
        }

        Assert.Equal(before + 1, await CountAsync(admin));
    }

    /// <summary>Another connection holding the database's write lock until it commits.</summary>
    private static async Task<Lock> LockAsync(SqliteConnectionStringBuilder file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(file.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return new Lock(connection);
    }

    private static async Task<int> CountAsync(HttpClient admin) =>
        (await Api.ReadAsync(await admin.GetAsync("/api/rights?pageSize=200"), HttpStatusCode.OK)).ItemCount();

    private sealed class Lock(SqliteConnection connection) : IAsyncDisposable
    {
        private bool _done;

        public async Task CommitAsync()
        {
            await using var commit = connection.CreateCommand();
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
            _done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
            {
                await CommitAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
