using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// The subjects of one unit of work, read once through their kinds and kept: a sweep loads a whole batch's subjects in
/// one query per kind, and the transitions that follow read them from here.
/// </summary>
public sealed class SubjectDirectory(MiningRightsDbContext db, IEnumerable<ISubjectKind> kinds, IEnumerable<ISubjectLines> lines)
{
    private readonly ILookup<string, ISubjectLines> _lines = lines.ToLookup(l => l.Kind, StringComparer.Ordinal);
    private readonly Dictionary<string, ISubjectKind> _kinds = kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    private readonly Dictionary<SubjectRef, Subject> _known = [];

    public IReadOnlyCollection<string> Kinds => _kinds.Keys;

    /// <summary>Keeps a subject created in this unit of work, before it is saved.</summary>
    public void Remember(Subject subject) => _known[new SubjectRef(subject.Kind, subject.Id)] = subject;

    /// <summary>Forgets a subject whose facts changed in this unit of work, so the next read sees them.</summary>
    public void Forget(SubjectRef subject) => _known.Remove(subject);

    public async Task PrefetchAsync(IEnumerable<SubjectRef> subjects, CancellationToken ct)
    {
        foreach (var group in subjects.Where(s => !_known.ContainsKey(s)).Distinct().GroupBy(s => s.Kind))
        {
            var ids = group.Select(s => s.Id).ToList();
            var added = new List<IReadOnlyDictionary<Guid, IReadOnlyList<NoticeLine>>>();
            foreach (var more in _lines[group.Key])
            {
                added.Add(await more.LinesAsync(db, ids, ct));
            }

            foreach (var subject in await Kind(group.Key).LoadAsync(db, ids, ct))
            {
                var extra = added.SelectMany(a => a.GetValueOrDefault(subject.Id) ?? []).ToList();
                Remember(extra.Count == 0 ? subject : subject with { Lines = [.. subject.Lines, .. extra] });
            }
        }
    }

    public async Task<Subject> GetAsync(SubjectRef subject, CancellationToken ct)
    {
        if (!_known.ContainsKey(subject))
        {
            await PrefetchAsync([subject], ct);
        }

        return _known.TryGetValue(subject, out var found)
            ? found
            : throw new InvalidOperationException($"Subject {subject} does not exist.");
    }

    private ISubjectKind Kind(string name) =>
        _kinds.TryGetValue(name, out var kind) ? kind : throw new InvalidOperationException($"No subject kind '{name}' is registered.");
}
