using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Workflows;

internal static class DueDeadlineClaim
{
    /// <summary>
    /// Due deadlines, soonest first, read without tracking. Where the provider locks claimed rows, they are locked in the unit of work's open
    /// transaction: rows another unit of work holds are skipped, except for <paramref name="only"/> one row, which is
    /// waited for (it is this sweep's own, released by a worker that listed it too) and then re-read.
    /// </summary>
    public static async Task<List<Deadline>> ClaimAsync(DatabaseProvider database, MiningRightsDbContext db, DateTime now, int limit, Guid? only, CancellationToken ct)
    {
        var onlyOne = only is null ? string.Empty : """ AND "Id" = {2}""";
        var sql = database.SelectForClaim(
            "*", "\"Deadlines\"", "\"NextActionAtUtc\" IS NOT NULL AND \"NextActionAtUtc\" <= {0}" + onlyOne,
            "\"NextActionAtUtc\"", "{1}", skipLocked: only is null);
        object[] parameters = only is { } id ? [now, limit, id] : [now, limit];
        return await db.Deadlines.FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(ct);
    }
}
