using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MiningRights.Policies;
using MiningRights.Workflows.Activities;

namespace MiningRights.Workflows;

/// <summary>
/// Reads and checks workflow files. Every problem is collected with its file and JSON path so that one start
/// reports all of them; nothing is loaded unless everything is valid.
/// </summary>
public sealed class WorkflowDefinitionLoader
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly HashSet<string> _subjectKinds;
    private readonly RuleCitationChecker _rules;
    private readonly DeadlineChecker _deadlines;
    private readonly StateChecker _states;
    private readonly TransitionChecker _transitions;

    public WorkflowDefinitionLoader(IEnumerable<IWorkflowActivity> activities, IEnumerable<ITransitionGuard> guards, IEnumerable<ISubjectKind> subjectKinds, PolicyBook book)
    {
        _rules = new RuleCitationChecker(book);
        _deadlines = new DeadlineChecker(book, _rules);
        _states = new StateChecker(activities.ToDictionary(a => a.Name, StringComparer.Ordinal));
        _transitions = new TransitionChecker(guards.Select(g => g.Name).ToHashSet(StringComparer.Ordinal), _rules);
        _subjectKinds = subjectKinds.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Loads every <c>*.json</c> file of the folder except the schema; throws when any is invalid.</summary>
    public IReadOnlyList<LoadedDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new WorkflowDefinitionException([new DefinitionProblem(directory, "$", "the workflows folder does not exist")]);
        }

        var files = Directory.GetFiles(directory, "*.json")
            .Where(f => !Path.GetFileName(f).Equals("workflow.schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var problems = new List<DefinitionProblem>();
        var loaded = new List<LoadedDefinition>();
        foreach (var file in files)
        {
            var result = Load(Path.GetFileName(file), File.ReadAllText(file), problems);
            if (result is not null)
            {
                loaded.Add(result);
            }
        }

        CheckReferencesAcrossFiles(loaded, problems);
        foreach (var duplicate in loaded.GroupBy(l => (l.Definition.Id, l.Definition.Version)).Where(g => g.Count() > 1))
        {
            problems.Add(new DefinitionProblem(duplicate.Last().File, "$.version",
                $"'{duplicate.Key.Id}' version {duplicate.Key.Version} is defined more than once ({string.Join(", ", duplicate.Select(d => d.File))})"));
        }

        if (problems.Count > 0)
        {
            throw new WorkflowDefinitionException(problems);
        }

        return loaded;
    }

    /// <summary>
    /// Parses and checks one file's text; problems are added to <paramref name="problems"/>. A stored snapshot
    /// (<paramref name="snapshot"/>) was valid when its instance started and may predate checks added since: it is read,
    /// upgraded and checked for what the runtime needs, not for how a new file must be written.
    /// </summary>
    public LoadedDefinition? Load(string file, string json, List<DefinitionProblem> problems, bool snapshot = false)
    {
        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is null ? string.Empty : $" (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            problems.Add(new DefinitionProblem(file, ex.Path ?? "$", FirstSentence(ex.Message) + where));
            return null;
        }

        if (definition is null)
        {
            problems.Add(new DefinitionProblem(file, "$", "the file holds no workflow definition"));
            return null;
        }

        definition = UpgradeLegacy(definition);
        var before = problems.Count;
        Check(file, definition, problems, snapshot);
        if (problems.Count > before)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new LoadedDefinition(definition, file, hash, json);
    }

    /// <summary>
    /// Definitions written before transitions named the date they record on expiry recorded the missed due date as
    /// <c>missedDue</c> on every holder deadline's expiry; say so explicitly, so the runtime knows no date by name.
    /// </summary>
    private static WorkflowDefinition UpgradeLegacy(WorkflowDefinition d)
    {
        if (d.Transitions.Any(t => t.RecordsDue is not null) || !d.Deadlines.Values.Any(x => x.From == "missedDue"))
        {
            return d;
        }

        return d with
        {
            Transitions = d.Transitions
                .Select(t => t.Deadline is { } name && d.Deadlines.TryGetValue(name, out var spec) && !spec.Escalation ? t with { RecordsDue = "missedDue" } : t)
                .ToList(),
        };
    }

    private void Check(string file, WorkflowDefinition d, List<DefinitionProblem> problems, bool snapshot)
    {
        void Problem(string path, string reason) => problems.Add(new DefinitionProblem(file, path, reason));

        if (!_subjectKinds.Contains(d.Subject))
        {
            Problem("$.subject", $"unknown subject kind '{d.Subject}' (known: {string.Join(", ", _subjectKinds.Order(StringComparer.Ordinal))})");
        }

        if (string.IsNullOrWhiteSpace(d.Id) || d.Id.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            Problem("$.id", "the id must be lower-case letters, digits and hyphens");
        }

        if (d.Version < 1)
        {
            Problem("$.version", "the version must be 1 or more");
        }

        if (d.Province.Length != 6 || !d.Province.All(char.IsAsciiDigit) || !d.Province.EndsWith("0000", StringComparison.Ordinal))
        {
            Problem("$.province", $"'{d.Province}' is not a six-digit province code such as 620000");
        }

        if (d.ValidUntil < d.ValidFrom)
        {
            Problem("$.validUntil", "the validity window ends before it starts");
        }

        _rules.CheckListed(d, Problem, snapshot);

        if (!d.States.ContainsKey(d.InitialState))
        {
            Problem("$.initialState", $"unknown state '{d.InitialState}'");
        }

        SignalChecker.Check(d, Problem);

        foreach (var (name, deadline) in d.Deadlines)
        {
            _deadlines.Check($"$.deadlines.{name}", deadline, d, Problem);
        }

        foreach (var (name, notice) in d.Notices)
        {
            _rules.Check($"$.notices.{name}.rule", notice.Rule, d, Problem);
        }

        _states.Check(d, Problem);
        _transitions.Check(d, Problem);

        foreach (var unreachable in StateChecker.Unreachable(d))
        {
            Problem($"$.states.{unreachable}", $"state '{unreachable}' cannot be reached from the initial state '{d.InitialState}'");
        }

        if (!snapshot)
        {
            DateNameChecker.Check(d, Problem);
        }
    }

    /// <summary>Workflows that start other workflows must name ones that are loaded.</summary>
    private static void CheckReferencesAcrossFiles(IReadOnlyList<LoadedDefinition> loaded, List<DefinitionProblem> problems)
    {
        var ids = loaded.Select(l => l.Definition.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in loaded)
        {
            foreach (var (name, state) in definition.Definition.States)
            {
                for (var i = 0; i < state.OnEntry.Count; i++)
                {
                    if (ActivityParameters.String(state.OnEntry[i], "workflow") is { } workflow && !ids.Contains(workflow))
                    {
                        problems.Add(new DefinitionProblem(definition.File, $"$.states.{name}.onEntry[{i}].workflow", $"workflow '{workflow}' is not loaded"));
                    }
                }
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
