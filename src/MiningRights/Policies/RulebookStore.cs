using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiningRights.Data;

namespace MiningRights.Policies;

/// <summary>
/// Keeps the rulebooks' texts in the database: the product's, under their hash, so that what a citation was pinned to
/// can be read back; and those an administrator added, which every node takes into force.
/// </summary>
public sealed class RulebookStore(MiningRightsDbContext db, PolicyBook book, TimeProvider time, ILogger<RulebookStore> logger)
{
    /// <summary>At start: stores the product's rulebooks not stored yet, and takes the added ones into force.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var stored = await db.Rulebooks.Select(r => r.ContentHash).ToListAsync(ct);
        foreach (var product in book.Rulebooks.Where(r => r.Origin == StoredRulebook.ProductOrigin && !stored.Contains(r.ContentHash)))
        {
            db.Rulebooks.Add(new StoredRulebook
            {
                ContentHash = product.ContentHash,
                RulebookId = product.Rulebook.Id,
                FileName = product.File,
                Json = product.Json,
                Origin = StoredRulebook.ProductOrigin,
                StoredAtUtc = time.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
        await RefreshAsync(ct);
    }

    /// <summary>Takes into force the added rulebooks this node does not have yet; returns how many.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var known = book.Rulebooks.Select(r => r.ContentHash).ToList();
        var added = await db.Rulebooks.AsNoTracking()
            .Where(r => r.Origin == StoredRulebook.AddedOrigin && !known.Contains(r.ContentHash))
            .OrderBy(r => r.StoredAtUtc).ToListAsync(ct);
        foreach (var row in added)
        {
            var problems = new List<RulebookProblem>();
            var loaded = RulebookLoader.Load(row.FileName, row.Json, book.Minerals, problems);
            if (loaded is not null)
            {
                problems.AddRange(book.CheckAddition(loaded));
            }

            if (problems.Count > 0)
            {
                // It was valid when added; a product rulebook shipped since may now clash with it. Stop rather than cite wrongly.
                throw new RulebookException(problems);
            }

            book.Use(loaded! with { Origin = StoredRulebook.AddedOrigin });
            logger.LogInformation("Rulebook {Rulebook} ({File}, sha256 {Hash}) added by {By} is in force from {From:yyyy-MM-dd}",
                row.RulebookId, row.FileName, row.ContentHash, row.AddedBy, loaded!.Rulebook.ValidFrom);
        }

        return added.Count;
    }
}
