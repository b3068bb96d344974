using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Decisions;

/// <summary>Decisions as their readers see them: one decision's document, the decisions on a right or a case, the bases a decision may cite.</summary>
public sealed class DecisionQueries(MiningRightsDbContext db, InstanceAccess access, RightAccess rights, WorkflowRuntime runtime)
{
    /// <summary>A decision with what its document names besides: the issuing authority, the addressee and its licence.</summary>
    public sealed record Document(Decision Decision, Jurisdiction Authority, Holder? Addressee, string? LicenseNumber, string? ProjectName);

    /// <summary>
    /// The decision's document, for an officer of the authority that sees the process it was taken in, or for the holder
    /// it is addressed to; anyone else gets the answer an unknown decision gets (404).
    /// </summary>
    public async Task<Document> DocumentAsync(Actor user, Guid id, CancellationToken ct)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        var instance = decision is null ? null : await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == decision.InstanceId, ct);
        var reads = decision is not null && instance is not null && (user.IsHolder
            ? decision.HolderId is { } holder && holder == user.HolderId
            : user.Roles.Contains(Roles.Authority) && await access.SeesAsync(user, instance, ct));
        if (!reads)
        {
            throw RefusalException.NotFound($"Decision {id}", $"决定 {id}");
        }

        var authority = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Code == decision!.AuthorityCode, ct);
        var addressee = decision!.HolderId is { } holderId ? await db.Holders.AsNoTracking().SingleOrDefaultAsync(h => h.Id == holderId, ct) : null;
        var right = decision.RightId is { } rightId ? await db.Rights.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rightId, ct) : null;
        return new Document(decision, authority, addressee, right?.LicenseNumber, right?.ProjectName);
    }

    /// <summary>The decisions taken on a right and its cases, newest first, for a reader who sees the right.</summary>
    public async Task<IReadOnlyList<Decision>> OfRightAsync(Actor user, Guid rightId, CancellationToken ct)
    {
        var right = await rights.GetAsync(user, rightId, ct);
        return await db.Decisions.AsNoTracking().Where(d => d.RightId == right.Id).OrderByDescending(d => d.RecordedAtUtc).ToListAsync(ct);
    }

    /// <summary>The decisions taken in a case's own process, newest first (the caller has checked the reader sees the case).</summary>
    public async Task<IReadOnlyList<Decision>> OfSubjectAsync(string subjectKind, Guid subjectId, CancellationToken ct) =>
        await db.Decisions.AsNoTracking().Where(d => d.SubjectKind == subjectKind && d.SubjectId == subjectId).OrderByDescending(d => d.RecordedAtUtc).ToListAsync(ct);

    /// <summary>The rules a decision on the instance may cite as its basis, in force today for its subject.</summary>
    public async Task<IReadOnlyList<PolicyRule>> BasesAsync(Guid instanceId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        return await runtime.RulesInForceAsync(instance, ct);
    }
}
