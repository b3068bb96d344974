using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Workflows;

/// <summary>
/// Sends a signal that needs no more than a note (report an obligation done, verify it): the definition says who
/// may send it and from which state. Signals that carry documents or decisions have their own use cases.
/// </summary>
public sealed class SendSignal(MiningRightsDbContext db, RightAccess access, WorkflowRuntime runtime, WorkflowRegistry registry, TimeProvider time)
{
    public sealed record Request(string? Note);

    public async Task<WorkflowInstance> HandleAsync(Guid instanceId, string signal, Request request, CurrentUser user, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw RefusalException.NotFound($"Workflow instance {instanceId}");
        var right = await access.GetAsync(user, instance.RightId, ct);
        if (request.Note is { Length: > 2000 })
        {
            throw RefusalException.Invalid("note", "The note may be at most 2000 characters.");
        }

        var definition = await registry.ResolveAsync(instance, db, ct);
        if (definition.Definition.Signals.TryGetValue(signal, out var spec) && spec.Dedicated)
        {
            throw RefusalException.Conflict($"'{signal}' carries a plan or a decision and is sent through its own endpoint (see the plans API).");
        }

        await runtime.SignalAsync(instance, signal, user.Actor, request.Note, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = $"signal.{signal}",
            RightId = right.Id,
            Detail = $"{instance.DefinitionId}: {signal}{(request.Note is null ? string.Empty : " — " + request.Note)}",
        });
        await db.SaveChangesAsync(ct);
        return instance;
    }
}
