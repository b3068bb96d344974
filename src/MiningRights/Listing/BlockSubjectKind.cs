using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// A transfer block as a workflow subject: no holder until a bidder wins it or an applicant asks for it; its county,
/// its transferring authority, its pool number; once registered, the right it became.
/// </summary>
public sealed class BlockSubjectKind : ISubjectKind
{
    public const string Kind = "block";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);
        var holderIds = blocks.Select(b => b.HolderId).OfType<Guid>().Distinct().ToList();
        var names = await db.Holders.AsNoTracking().Where(h => holderIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.NameZh + " (" + h.NameEn + ")", cancellationToken);

        return blocks.Select(b => Describe(b, b.HolderId is { } h ? names.GetValueOrDefault(h) : null)).ToList();
    }

    public static Subject Describe(TransferBlock block, string? holderName) => new()
    {
        Kind = Kind,
        Id = block.Id,
        Label = block.Code,
        Detail = block.Name,
        HolderId = block.HolderId,
        HolderName = holderName ?? string.Empty,
        JurisdictionCode = block.CountyCode,
        AuthorityCode = block.AuthorityCode,
        DossierId = block.RightId,
        AnchorDate = Time.ProvinceCalendar.China.DateAt(new DateTimeOffset(block.CreatedAtUtc, TimeSpan.Zero)),
        Scope = block.Scope,
    };
}
