using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Rights;

/// <summary>A right as a workflow subject: its holder, its county, its registration authority, its licence number.</summary>
public sealed class RightSubjectKind : ISubjectKind
{
    public const string Kind = "right";

    public string Name => Kind;

    // Only the columns a subject shows: a sweep describes hundreds of rights per batch.
    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Rights.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.Holders, r => r.HolderId, h => h.Id, (r, h) => new { Right = r, HolderName = h.NameZh + " (" + h.NameEn + ")" })
            .ToListAsync(cancellationToken))
        .Select(x => Describe(x.Right, x.HolderName))
        .ToList();

    public static Subject Describe(MiningRight right, string holderName) => new()
    {
        Kind = Kind,
        Id = right.Id,
        Label = right.LicenseNumber,
        Detail = right.ProjectName,
        HolderId = right.HolderId,
        HolderName = holderName,
        JurisdictionCode = right.LocationCountyCode,
        AuthorityCode = right.AuthorityCode,
        DossierId = right.Id,
        AnchorDate = right.RegisteredOn,
        Scope = right.Scope,
    };
}
