using System.Globalization;
using System.Text.Json;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// Sends a signal with a note and the values its definition declares (report a duty done, record findings, order a
/// rectification, dispose of a case). The definition says who may send it, from which state, with which values;
/// signals that carry documents have their own use cases (<c>dedicated</c>).
/// </summary>
public sealed class SendSignal(MiningRightsDbContext db, InstanceAccess access, WorkflowRuntime runtime, WorkflowRegistry registry, TimeProvider time)
{
    public sealed record Request(string? Note, Dictionary<string, JsonElement>? Values);

    public async Task<WorkflowInstance> HandleAsync(Guid instanceId, string signal, Request request, CurrentUser user, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([instanceId], ct);
        if (instance is null || !await access.SeesAsync(user.Actor, instance, ct))
        {
            throw RefusalException.NotFound($"Workflow instance {instanceId}");
        }

        if (request.Note is { Length: > 2000 })
        {
            throw RefusalException.Invalid("note", "The note may be at most 2000 characters.");
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Values ?? [])
        {
            values[Text.Cut(name)] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw RefusalException.Invalid(Text.Cut(name), "A value is a string, a number or a date as yyyy-MM-dd."),
            };
        }

        var definition = await registry.ResolveAsync(instance, db, ct);
        if (definition.Definition.Signals.TryGetValue(signal, out var spec) && spec.Dedicated)
        {
            throw RefusalException.Conflict($"'{signal}' carries a document or a decision and is sent through its own endpoint (see the plans API).");
        }

        var outcome = await runtime.SignalAsync(instance, signal, user.Actor, request.Note, ct, values);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = $"signal.{signal}",
            RightId = instance.RightId,
            RuleId = outcome.Transition.Rule,
            Detail = $"{instance.DefinitionId} ({instance.SubjectKind} {instance.SubjectLabel}): {signal}"
                + string.Concat(values.Select(v => string.Create(CultureInfo.InvariantCulture, $", {v.Key} = {v.Value}")))
                + (request.Note is null ? string.Empty : " — " + request.Note),
        });
        await db.SaveChangesAsync(ct);
        return instance;
    }
}
