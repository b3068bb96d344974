using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>One instance as its viewers read it; not found alike whether it does not exist or may not be seen.</summary>
public sealed class InstanceQueries(MiningRightsDbContext db, InstanceAccess access, WorkflowRegistry registry)
{
    public async Task<InstanceView> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, ct);
        var instance = await visible.AsNoTracking().Include(i => i.Journal).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw RefusalException.NotFound($"Workflow instance {id}", $"流程实例 {id}");
        var definition = (await registry.ResolveAsync(instance, db, ct)).Definition;
        var state = definition.States[instance.State];
        var values = new InstanceValues(instance);
        var evidence = (await db.Evidence.AsNoTracking().Where(e => e.InstanceId == instance.Id).ToListAsync(ct))
            .OrderBy(e => e.UploadedAtUtc).ThenBy(e => e.FileName, StringComparer.Ordinal)
            .ToLookup(e => e.JournalSequence, e => new EvidenceView(e.Id, e.FileName, e.ContentType, e.SizeBytes, e.Sha256, e.UploadedBy, e.UploadedAtUtc,
                $"/api/workflows/instances/{instance.Id}/evidence/{e.Id}"));
        return new InstanceView(instance.Id, instance.SubjectKind, instance.SubjectId, instance.SubjectLabel, instance.DossierId,
            instance.DefinitionId, instance.DefinitionVersion, instance.DefinitionHash, instance.State, state.Status.Zh, state.Status.En, instance.Finished,
            definition.SignalsFrom(instance.State).ToList(),
            values.Dates, values.Data,
            instance.Journal.OrderBy(j => j.Sequence).Select(j => new JournalView(j.Sequence, j.AtUtc, j.Actor, j.Trigger, j.FromState, j.ToState, j.RuleId, j.Note, evidence[j.Sequence].ToList()) { Citation = j.Citation }).ToList());
    }

    /// <summary>An evidence file of an instance the actor sees; not found alike whether it does not exist or may not be seen.</summary>
    public async Task<EvidenceFile> EvidenceAsync(Actor actor, Guid instanceId, Guid fileId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(actor, ct);
        return await db.Evidence.AsNoTracking().Where(e => e.Id == fileId && e.InstanceId == instanceId && visible.Any(i => i.Id == e.InstanceId)).SingleOrDefaultAsync(ct)
            ?? throw RefusalException.NotFound($"Evidence file {fileId}", $"证明材料文件 {fileId}");
    }
}
