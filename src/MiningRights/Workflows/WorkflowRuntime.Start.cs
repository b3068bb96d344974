using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

// Starting an instance: its dates, its subject's facts, the definition snapshot it runs on.
public sealed partial class WorkflowRuntime
{
    // Definitions whose snapshot this unit of work has found stored, so that a batch of starts asks once. Only what the
    // database answered is remembered: a snapshot merely added could be dropped with a failed save or a cleared tracker.
    private readonly HashSet<string> _storedSnapshots = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="definition"/> on <paramref name="subject"/> with the dates the definition asks for at start.</summary>
    public async Task<WorkflowInstance> StartAsync(
        LoadedDefinition definition,
        SubjectRef subject,
        Actor actor,
        IReadOnlyDictionary<string, DateOnly> dates,
        IReadOnlyDictionary<string, string> data,
        CancellationToken ct,
        DateOnly? arisenOn = null)
    {
        if (definition.Definition.Subject != subject.Kind)
        {
            throw new InvalidOperationException($"{definition.File} runs on a {definition.Definition.Subject}, not on a {subject.Kind}.");
        }

        var missing = definition.Definition.StartDates.Where(d => !dates.ContainsKey(d)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{definition.File} starts with the dates {string.Join(", ", missing)}, which were not given.");
        }

        var about = await subjects.GetAsync(subject, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Definition.Id,
            DefinitionVersion = definition.Definition.Version,
            DefinitionHash = definition.ContentHash,
            SubjectKind = about.Kind,
            SubjectId = about.Id,
            SubjectLabel = about.Label,
            DossierId = about.DossierId,
            HolderId = about.HolderId,
            JurisdictionCode = about.JurisdictionCode,
            AuthorityCode = about.AuthorityCode,
            State = definition.Definition.InitialState,
            ArisenOn = arisenOn ?? Calendar.DateAt(new DateTimeOffset(now)),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var values = new InstanceValues(instance);
        foreach (var (name, date) in dates)
        {
            values.SetDate(name, date);
        }

        foreach (var (name, value) in data)
        {
            values.Set(name, value);
        }

        db.WorkflowInstances.Add(instance);
        _deadlines[instance.Id] = [];
        if (!_storedSnapshots.Contains(definition.ContentHash)
            && db.DefinitionSnapshots.Local.All(s => s.ContentHash != definition.ContentHash)
            && !await SnapshotStoredAsync(definition.ContentHash, ct))
        {
            db.DefinitionSnapshots.Add(new DefinitionSnapshot
            {
                ContentHash = definition.ContentHash,
                DefinitionId = definition.Definition.Id,
                Version = definition.Definition.Version,
                Json = definition.Json,
                StoredAtUtc = now,
            });
        }

        var rule = definition.Definition.AppliesTo?.Rule ?? definition.Definition.Rules[0];
        await EnterAsync(new Step(instance, definition, values, null, definition.Definition.InitialState, actor, "start", rule, null), ct);
        return instance;
    }

    private async Task<bool> SnapshotStoredAsync(string hash, CancellationToken ct)
    {
        var stored = await db.DefinitionSnapshots.AnyAsync(s => s.ContentHash == hash, ct);
        if (stored)
        {
            _storedSnapshots.Add(hash);
        }

        return stored;
    }
}
