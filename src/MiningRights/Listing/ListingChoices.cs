using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// What the listing office's forms offer to choose from: the jurisdictions of the officer's subtree (a block's county,
/// its transferring authority, a plan's city or county), the companies a transfer may go to, and a block's objections
/// and notices.
/// </summary>
public sealed class ListingChoices(MiningRightsDbContext db, BlockAccess blocks, Access access)
{
    /// <summary>Most companies a winner is chosen among; a province registers a few hundred.</summary>
    public const int MaxTransferees = 1000;

    public sealed record Place(string Code, JurisdictionLevel Level, string NameZh, string NameEn);

    public sealed record Transferee(Guid Id, string CreditCode, string NameZh, string NameEn);

    /// <summary>The jurisdictions in the officer's subtree (every one for an administrator), province first, then by code.</summary>
    public async Task<IReadOnlyList<Place>> PlacesAsync(Actor user, CancellationToken ct)
    {
        var seen = await access.VisibleAsync(user, db.Jurisdictions.AsNoTracking(), heldBy: null, codes => j => codes.Contains(j.Code), ct);
        return (await seen.ToListAsync(ct))
            .OrderBy(j => j.Level).ThenBy(j => j.Code, StringComparer.Ordinal)
            .Select(j => new Place(j.Code, j.Level, j.NameZh, j.NameEn))
            .ToList();
    }

    /// <summary>The registered companies by name: a winner or an applicant is one of them.</summary>
    public async Task<IReadOnlyList<Transferee>> TransfereesAsync(CancellationToken ct) =>
        (await db.Holders.AsNoTracking().OrderBy(h => h.NameZh).Take(MaxTransferees).ToListAsync(ct))
            .Select(h => new Transferee(h.Id, h.CreditCode, h.NameZh, h.NameEn))
            .ToList();

    /// <summary>The objections to the block's disclosures, oldest first; 404 for a block the user does not see.</summary>
    public async Task<IReadOnlyList<DisclosureObjection>> ObjectionsAsync(Actor user, Guid blockId, CancellationToken ct)
    {
        await blocks.GetAsync(user, blockId, ct);
        return await db.Objections.AsNoTracking().Where(o => o.BlockId == blockId).OrderBy(o => o.CreatedAtUtc).ToListAsync(ct);
    }

    /// <summary>The block's public notices, newest first; 404 for a block the user does not see.</summary>
    public async Task<IReadOnlyList<TransferAnnouncement>> AnnouncementsAsync(Actor user, Guid blockId, CancellationToken ct)
    {
        await blocks.GetAsync(user, blockId, ct);
        return await db.Announcements.AsNoTracking().Where(a => a.BlockId == blockId).OrderByDescending(a => a.PublishedAtUtc).ToListAsync(ct);
    }
}
