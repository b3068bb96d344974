using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;

namespace MiningRights.Rights;

/// <summary>
/// The holders an officer may look up: those holding a right the officer sees, and those that hold no right yet (just
/// registered, so that the authority can register their first right); administrators every holder. A holder outside
/// that is answered as not found, as a right is. Searched by name or credit code, in credit-code order a page at a time.
/// </summary>
public sealed class HolderQueries(MiningRightsDbContext db, RightAccess access)
{
    public const int MaxText = 100;

    /// <summary>A holder as the registry shows it; its contact addresses only to those who write to it.</summary>
    public sealed record HolderRow(Guid Id, string CreditCode, string NameZh, string NameEn, string Language, IReadOnlyList<string>? ContactEmails);

    public async Task<Page<HolderRow>> ListAsync(Actor user, string? text, PageRequest page, CancellationToken ct)
    {
        var query = await VisibleAsync(user, ct);
        if (text?.Trim() is { Length: > 0 } words)
        {
            if (words.Length > MaxText)
            {
                throw RefusalException.Invalid("q", $"The search text may have at most {MaxText} characters.", $"搜索内容最多 {MaxText} 个字符。");
            }

            var upper = words.ToUpperInvariant();
            query = query.Where(h => h.CreditCode.StartsWith(upper) || h.NameZh.Contains(words) || h.NameEn.Contains(words));
        }

        if (page.Keys(1) is [var after])
        {
            query = query.Where(h => string.Compare(h.CreditCode, after) > 0);
        }

        var holders = await query.OrderBy(h => h.CreditCode).Take(page.Size + 1).ToListAsync(ct);
        return page.Build(holders, h => [h.CreditCode], h => new HolderRow(h.Id, h.CreditCode, h.NameZh, h.NameEn, h.Language, null));
    }

    /// <summary>One holder, with its contacts when the reader's jurisdiction holds one of its rights (or the reader is an administrator).</summary>
    public async Task<HolderRow> GetAsync(Actor user, Guid id, CancellationToken ct)
    {
        var holder = await (await VisibleAsync(user, ct)).SingleOrDefaultAsync(h => h.Id == id, ct)
            ?? throw RefusalException.NotFound($"Holder {id}", $"矿业权人 {id}");
        var rights = await access.VisibleAsync(user, ct);
        var writesToIt = user.IsAdmin || await rights.AnyAsync(r => r.HolderId == id, ct);
        return new HolderRow(holder.Id, holder.CreditCode, holder.NameZh, holder.NameEn, holder.Language, writesToIt ? holder.Contacts : null);
    }

    /// <summary>The id of the holder with this credit code the reader may see; null for no code, a 400 on the holder field for an unknown one.</summary>
    public async Task<Guid?> FindAsync(Actor user, string? creditCode, CancellationToken ct)
    {
        if (creditCode?.Trim().ToUpperInvariant() is not { Length: > 0 } code)
        {
            return null;
        }

        return code.Length <= 64 && await (await VisibleAsync(user, ct)).Where(h => h.CreditCode == code).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct) is { } id
            ? id
            : throw RefusalException.Invalid("holderId", $"No registered holder has the credit code '{Text.Cut(code)}'.", $"没有统一社会信用代码为“{Text.Cut(code)}”的已登记矿业权人。");
    }

    /// <summary>The names of these holders (for an administrator's list of accounts), by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, (string Zh, string En)>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Holders.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => (h.NameZh, h.NameEn), ct);

    private async Task<IQueryable<Holder>> VisibleAsync(Actor user, CancellationToken ct)
    {
        var holders = db.Holders.AsNoTracking();
        if (user.IsAdmin)
        {
            return holders;
        }

        if (!user.IsOfficer)
        {
            return holders.Where(h => user.HolderId != null && h.Id == user.HolderId);
        }

        var seen = (await access.VisibleAsync(user, ct)).Select(r => r.HolderId);
        return holders.Where(h => seen.Contains(h.Id) || !db.Set<MiningRight>().Any(r => r.HolderId == h.Id));
    }
}
