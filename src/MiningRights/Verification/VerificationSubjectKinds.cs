using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>A batch as workflows see it: it lies with, and is decided by, its registration authority.</summary>
public sealed class BatchSubjectKind : ISubjectKind
{
    public const string Kind = "verificationBatch";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await db.VerificationBatches.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken)).Select(Describe).ToList();

    public static Subject Describe(VerificationBatch batch) => new()
    {
        Kind = Kind,
        Id = batch.Id,
        Label = $"{batch.AuthorityCode} {batch.Quarter}",
        Detail = $"临期矿业权核查 {batch.WindowFrom:yyyy-MM-dd}–{batch.WindowTo:yyyy-MM-dd} / verification of rights expiring {batch.WindowFrom:yyyy-MM-dd} to {batch.WindowTo:yyyy-MM-dd}",
        JurisdictionCode = batch.AuthorityCode,
        AuthorityCode = batch.AuthorityCode,
        AnchorDate = batch.WindowFrom,
    };
}

/// <summary>
/// A task as workflows see it: it lies in the right's county (whose officers record the result, <c>actsAt: location</c>)
/// and is decided by the authority the result goes to. It concerns the right, so the right's history shows it, and its
/// holder reads it (a result with problems opens a case the holder answers) but takes no part in it.
/// </summary>
public sealed class TaskSubjectKind : ISubjectKind
{
    public const string Kind = "verificationTask";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.VerificationTasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Join(db.Rights, t => t.RightId, r => r.Id, (t, r) => new { Task = t, r.LicenseNumber, r.ProjectName, r.HolderId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => Describe(r.Task, r.LicenseNumber, r.ProjectName, r.HolderId)).ToList();
    }

    public static Subject Describe(VerificationTask task, string licenseNumber, string projectName, Guid holderId) => new()
    {
        HolderId = holderId,
        Kind = Kind,
        Id = task.Id,
        Label = licenseNumber,
        Detail = $"{projectName}：临期核查（有效期至{task.ExpiresOn:yyyy-MM-dd}） / verification before expiry on {task.ExpiresOn:yyyy-MM-dd}",
        JurisdictionCode = task.CountyCode,
        AuthorityCode = task.ReportsTo,
        DossierId = task.RightId,
        AnchorDate = task.ExpiresOn,
    };
}
