using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// The definitions loaded at start. An instance resolves its definition by the content hash it started with:
/// from the files when they still hold that content, otherwise from the snapshot stored when it started.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, LoadedDefinition> _byHash;
    private readonly Lock _gate = new();

    public WorkflowRegistry(IReadOnlyList<LoadedDefinition> definitions, WorkflowDefinitionLoader loader)
    {
        Definitions = definitions;
        Loader = loader;
        _byHash = definitions.ToDictionary(d => d.ContentHash, StringComparer.Ordinal);
    }

    public IReadOnlyList<LoadedDefinition> Definitions { get; }

    /// <summary>Throws, naming file and reason, when a loaded definition lacks what a feature declared it relies on.</summary>
    public WorkflowRegistry Honouring(IEnumerable<WorkflowContract> contracts)
    {
        var problems = contracts.SelectMany(c => c.Check(Versions(c.Workflow))).ToList();
        return problems.Count == 0 ? this : throw new WorkflowDefinitionException(problems);
    }

    private WorkflowDefinitionLoader Loader { get; }

    /// <summary>The newest version of <paramref name="id"/> whose validity window contains <paramref name="date"/>.</summary>
    public LoadedDefinition? FindInForce(string id, DateOnly date) =>
        Definitions.Where(d => d.Definition.Id == id && d.Definition.ValidFrom <= date && date <= d.Definition.ValidUntil)
            .MaxBy(d => d.Definition.Version);

    /// <summary>
    /// The version of <paramref name="id"/> a running process starts as its child: the one in force on the subject's
    /// anchor date, else the newest (a case or a duty outlives the window of the rule that caused it).
    /// </summary>
    public LoadedDefinition ForChild(string id, DateOnly anchorDate) =>
        FindInForce(id, anchorDate) ?? (Versions(id) is { Count: > 0 } versions ? versions[^1]
            : throw new InvalidOperationException($"Workflow '{id}' is not loaded."));

    /// <summary>
    /// The loaded definition of <paramref name="id"/> with the content <paramref name="hash"/> an instance started on, else
    /// the loaded one of its <paramref name="version"/>; null when neither is loaded (read a stored one with
    /// <see cref="ResolveAsync"/>).
    /// </summary>
    public LoadedDefinition? Find(string id, int version, string? hash = null) =>
        (hash is null ? null : Definitions.FirstOrDefault(d => d.Definition.Id == id && d.ContentHash == hash))
        ?? Definitions.FirstOrDefault(d => d.Definition.Id == id && d.Definition.Version == version);

    public IReadOnlyList<LoadedDefinition> Versions(string id) =>
        Definitions.Where(d => d.Definition.Id == id).OrderBy(d => d.Definition.Version).ToList();

    public async Task<LoadedDefinition> ResolveAsync(WorkflowInstance instance, MiningRightsDbContext db, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_byHash.TryGetValue(instance.DefinitionHash, out var known))
            {
                return known;
            }
        }

        var snapshot = await db.DefinitionSnapshots.AsNoTracking().SingleOrDefaultAsync(s => s.ContentHash == instance.DefinitionHash, ct)
            ?? throw new InvalidOperationException($"Instance {instance.Id} started on definition {instance.DefinitionId} v{instance.DefinitionVersion} ({instance.DefinitionHash}), which is neither loaded nor stored.");
        var problems = new List<DefinitionProblem>();
        var loaded = Loader.Load($"snapshot:{snapshot.ContentHash}", snapshot.Json, problems, snapshot: true)
            ?? throw new WorkflowDefinitionException(problems);
        lock (_gate)
        {
            _byHash[loaded.ContentHash] = loaded;
        }

        return loaded;
    }
}
