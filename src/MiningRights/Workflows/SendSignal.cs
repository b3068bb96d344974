using System.Globalization;
using System.Text.Json;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Storage;

namespace MiningRights.Workflows;

/// <summary>
/// Sends a signal with a note and the values its definition declares (report a duty done, record findings, order a
/// rectification, dispose of a case), and the evidence files the definition lets it carry, kept with the step's
/// journal entry. The definition says who may send it, from which state, with which values and files; signals that
/// carry a plan or a decision with its own record have their own use cases (<c>dedicated</c>).
/// </summary>
public sealed class SendSignal(MiningRightsDbContext db, InstanceAccess access, WorkflowRuntime runtime, WorkflowRegistry registry, SignalEvidence evidence, TimeProvider time)
{
    public sealed record Request(string? Note, Dictionary<string, JsonElement>? Values);

    public Task<WorkflowInstance> HandleAsync(Guid instanceId, string signal, Request request, Actor user, CancellationToken ct) =>
        HandleAsync(instanceId, signal, request.Note, Read(request.Values), [], user, ct);

    /// <summary>The signal with its values as text (a form's fields) and its evidence files.</summary>
    public async Task<WorkflowInstance> HandleAsync(Guid instanceId, string signal, string? note, IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<Upload> files, Actor user, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([instanceId], ct);
        if (instance is null || !await access.SeesAsync(user, instance, ct))
        {
            throw RefusalException.NotFound($"Workflow instance {instanceId}", $"流程实例 {instanceId}");
        }

        if (note is { Length: > 2000 })
        {
            throw RefusalException.Invalid("note", "The note may be at most 2000 characters.", "备注最多 2000 个字符。");
        }

        evidence.Check(files);
        var definition = await registry.ResolveAsync(instance, db, ct);
        if (definition.Definition.Signals.TryGetValue(signal, out var spec) && spec.Dedicated)
        {
            throw RefusalException.Conflict($"'{signal}' carries a document or a decision and is sent through its own endpoint (see the plans API).",
                $"“{signal}”附带文件或决定，须通过其专用接口提交（参见方案接口 plans API）。");
        }

        var outcome = await runtime.SignalAsync(instance, signal, user, note, ct, values, files.Count);
        var kept = await evidence.KeepAsync(instance, outcome.Sequence, files, user.Name, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = $"signal.{signal}",
            DossierId = instance.DossierId,
            RuleId = outcome.RuleId,
            // A report's values may be long: the audit keeps as much as its column holds (the journal keeps them whole).
            Detail = Text.Cut($"{instance.DefinitionId} ({instance.SubjectKind} {instance.SubjectLabel}): {signal}"
                + string.Concat(values.Select(v => string.Create(CultureInfo.InvariantCulture, $", {v.Key} = {v.Value}")))
                + kept.Describe()
                + (note is null ? string.Empty : " — " + note), 3999),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            evidence.Discard(kept);
            throw;
        }

        return instance;
    }

    /// <summary>How the instance's definition declares <paramref name="signal"/>, or null when the instance or the signal is unknown.</summary>
    public async Task<SignalDefinition?> DefinitionAsync(Guid instanceId, string signal, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([instanceId], ct);
        return instance is null ? null : (await registry.ResolveAsync(instance, db, ct)).Definition.Signals.GetValueOrDefault(signal);
    }

    private static Dictionary<string, string?> Read(Dictionary<string, JsonElement>? given)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in given ?? [])
        {
            values[Text.Cut(name)] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw RefusalException.Invalid(Text.Cut(name), "A value is a string, a number or a date as yyyy-MM-dd.", "取值应为字符串、数字或 yyyy-MM-dd 格式的日期。"),
            };
        }

        return values;
    }
}
