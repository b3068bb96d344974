using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MiningRights.Data;

/// <summary>
/// Refreshes the query planner's statistics after a large write (a sweep or an import of at least
/// <see cref="LargeWrite"/> rows), so the queries that follow it are planned on what the tables now hold: a table
/// that grew from a few rows to thousands is otherwise read by a full scan where an index would find the few rows asked.
/// </summary>
public sealed class PlannerStatistics(IServiceScopeFactory scopes, DatabaseProvider database, ILogger<PlannerStatistics> logger)
{
    /// <summary>Rows written by one job or request from which the statistics are refreshed.</summary>
    public const int LargeWrite = 1000;

    public async Task AfterWriteAsync(int rows, CancellationToken ct)
    {
        if (rows < LargeWrite)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await database.RefreshStatisticsAsync(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>(), ct);
        logger.LogInformation("Planner statistics refreshed after a write of {Rows} rows", rows);
    }
}
