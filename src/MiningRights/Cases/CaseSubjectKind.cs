using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Cases;

/// <summary>A case as a workflow subject: owned by the right's holder, in the right's county, disposed of by the right's authority.</summary>
public sealed class CaseSubjectKind : ISubjectKind
{
    public const string Kind = "case";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Rights, c => c.RightId, r => r.Id, (c, r) => new { Case = c, Right = r })
            .Join(db.Holders, x => x.Right.HolderId, h => h.Id, (x, h) => new { x.Case, x.Right, h.NameZh, h.NameEn })
            .ToListAsync(cancellationToken))
        .Select(x => Describe(x.Case, x.Right, $"{x.NameZh} ({x.NameEn})"))
        .ToList();

    public static Subject Describe(Case c, Rights.MiningRight right, string holderName) => new()
    {
        Kind = Kind,
        Id = c.Id,
        Label = right.LicenseNumber,
        Detail = $"{right.ProjectName} — {c.TitleZh} / {c.TitleEn}",
        HolderId = right.HolderId,
        HolderName = holderName,
        JurisdictionCode = c.JurisdictionCode,
        AuthorityCode = right.AuthorityCode,
        DossierId = right.Id,
        AnchorDate = right.RegisteredOn,
        Scope = right.Scope with { JurisdictionCode = c.JurisdictionCode },
    };
}
