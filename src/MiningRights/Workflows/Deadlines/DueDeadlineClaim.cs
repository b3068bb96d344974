using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Workflows;

internal static class DueDeadlineClaim
{
    private const string Due = "\"NextActionAtUtc\" IS NOT NULL AND \"NextActionAtUtc\" <= {0}";

    /// <summary>
    /// A sweep worker's next batch: up to <paramref name="size"/> due deadlines, soonest first, none of them in
    /// <paramref name="taken"/> (this sweep's other batches; each is added), read whole without tracking. Where the
    /// provider locks claimed rows, they are locked in the unit of work's open transaction and rows another unit of work
    /// holds are skipped. Elsewhere the ids of <paramref name="workers"/> batches are listed, enough to find a full batch
    /// past the rows the other workers hold uncommitted, and only the rows taken are read.
    /// </summary>
    public static async Task<List<Deadline>> ClaimBatchAsync(
        DatabaseProvider database, MiningRightsDbContext db, DateTime now, int size, int workers, HashSet<Guid> taken, CancellationToken ct)
    {
        if (database.LocksClaimedRows)
        {
            var claimed = await db.Deadlines.FromSqlRaw(database.SelectForClaim("*", "\"Deadlines\"", Due, "\"NextActionAtUtc\"", "{1}", skipLocked: true), now, size)
                .AsNoTracking().ToListAsync(ct);
            lock (taken)
            {
                return claimed.Where(d => taken.Add(d.Id)).ToList();
            }
        }

        var listed = await db.Database.SqlQueryRaw<Guid>(
            database.SelectForClaim("\"Id\" AS \"Value\"", "\"Deadlines\"", Due, "\"NextActionAtUtc\"", "{1}", skipLocked: true), now, size * workers).ToListAsync(ct);
        List<Guid> mine;
        lock (taken)
        {
            mine = listed.Where(taken.Add).Take(size).ToList();
        }

        return mine.Count == 0 ? [] : await db.Deadlines.AsNoTracking().Where(d => mine.Contains(d.Id)).ToListAsync(ct);
    }

    /// <summary>
    /// Deadline <paramref name="id"/> if it is still due, read whole without tracking; where the provider locks claimed
    /// rows, locked in the unit of work's open transaction, waiting while another holds it (it is this sweep's own,
    /// released by a worker that listed it too).
    /// </summary>
    public static async Task<Deadline?> ClaimOneAsync(DatabaseProvider database, MiningRightsDbContext db, DateTime now, Guid id, CancellationToken ct) =>
        (await db.Deadlines.FromSqlRaw(database.SelectForClaim("*", "\"Deadlines\"", Due + """ AND "Id" = {2}""", "\"NextActionAtUtc\"", "{1}", skipLocked: false), now, 1, id)
            .AsNoTracking().ToListAsync(ct)).SingleOrDefault();
}
