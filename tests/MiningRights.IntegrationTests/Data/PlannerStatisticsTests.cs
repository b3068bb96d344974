using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// The planner's statistics after a large write, on the provider the tests run on: refreshed from
/// <see cref="PlannerStatistics.LargeWrite"/> rows (SQLite's <c>PRAGMA optimize</c>, PostgreSQL's <c>ANALYZE</c>), not below.
/// </summary>
public sealed class PlannerStatisticsTests
{
    [Fact]
    public async Task A_large_write_refreshes_the_planners_statistics_and_a_small_one_does_not()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var statistics = factory.Services.GetRequiredService<PlannerStatistics>();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var rows = Enumerable.Range(0, PlannerStatistics.LargeWrite).Select(i => new Notification
        {
            Key = $"statistics:{i}", InstanceId = Guid.NewGuid(), Stage = "d-30", RuleId = "GS-9d", Recipient = $"h{i}@bulk.test", Language = "en",
            Subject = "s", TextBody = "t", HtmlBody = "h",
        }).ToList();
        rows.ForEach(db.QueueInsert);
        await db.SaveChangesAsync();

        if (TestDatabase.OnPostgres)
        {
            // PostgreSQL's own autovacuum may analyze a table at any moment, so only the refresh itself is asserted.
            await statistics.AfterWriteAsync(PlannerStatistics.LargeWrite, CancellationToken.None);
            Assert.Equal(PlannerStatistics.LargeWrite, await ScalarAsync(db, """SELECT reltuples::int AS "Value" FROM pg_class WHERE relname = 'Notifications'"""));
            return;
        }

        await statistics.AfterWriteAsync(PlannerStatistics.LargeWrite - 1, CancellationToken.None);
        Assert.NotEqual(PlannerStatistics.LargeWrite, await SqliteRowsOfKeyIndexAsync(db));
        await statistics.AfterWriteAsync(PlannerStatistics.LargeWrite, CancellationToken.None);
        Assert.Equal(PlannerStatistics.LargeWrite, await SqliteRowsOfKeyIndexAsync(db));
    }

    /// <summary>The rows SQLite's statistics count in the notices' key index (the first number of its sqlite_stat1 row); 0 if none.</summary>
    private static async Task<int> SqliteRowsOfKeyIndexAsync(MiningRightsDbContext db) =>
        await ScalarAsync(db, """SELECT count(*) AS "Value" FROM sqlite_master WHERE name = 'sqlite_stat1'""") == 0
            ? 0
            : await ScalarAsync(db, """
                SELECT COALESCE((SELECT CAST(substr(stat, 1, instr(stat, ' ') - 1) AS INTEGER) FROM sqlite_stat1
                WHERE tbl = 'Notifications' AND idx = 'IX_Notifications_Key'), 0) AS "Value"
                """);

    private static async Task<int> ScalarAsync(MiningRightsDbContext db, string sql) => (await db.Database.SqlQueryRaw<int>(sql).ToListAsync()).Single();
}
