using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Data;

namespace MiningRights.Notifications;

internal static class DueNoticeClaim
{
    /// <summary>
    /// Claims up to <paramref name="count"/> due notices, soonest first, in one statement: each one's next attempt moves
    /// past the claim period and its attempts count up, so no other process takes it meanwhile. Where the provider locks
    /// claimed rows, rows another process is claiming are skipped instead of waited for.
    /// </summary>
    public static async Task<List<ClaimedNotice>> ClaimAsync(MiningRightsDbContext db, DatabaseProvider database, TimeProvider time, IOptions<OutboxOptions> options, int count,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claimedUntil = now.AddSeconds(options.Value.ClaimSeconds);

        // Sent only in the first half of the claim, so that it cannot lapse in the middle of a send.
        var sendBefore = now.AddSeconds(options.Value.ClaimSeconds / 2.0);
        var due = database.SelectForClaim(
            "\"Id\"", "\"Notifications\"", "\"Status\" = {1} AND \"NextAttemptAtUtc\" <= {2}", "\"NextAttemptAtUtc\"", "{3}", skipLocked: true);
        var sql = database.UpdateReturningRows(
            "\"Notifications\"", "\"NextAttemptAtUtc\" = {0}, \"Attempts\" = \"Attempts\" + 1", $"\"Id\" IN ({due})");
        var claimed = await db.Notifications
            .FromSqlRaw(sql, claimedUntil, nameof(NotificationStatus.Pending), now, count)
            .AsNoTracking()
            .ToListAsync(ct);
        return claimed.OrderBy(n => n.CreatedAtUtc).Select(n => new ClaimedNotice(n, n.Attempts, sendBefore)).ToList();
    }
}
