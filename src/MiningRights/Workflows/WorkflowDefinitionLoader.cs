using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiningRights.Deadlines;
using MiningRights.Policies;

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

    private static readonly string[] KnownRoles = ["Holder", "Authority", "Inspector", "Admin"];
    private static readonly string[] KnownKinds = ["exploration", "mining"];
    private static readonly string[] KnownTransferModes = ["tender", "auction", "listing", "agreement"];
    private static readonly string[] KnownPeriodParameters =
        [nameof(ProvinceParameters.CaseGraceDays), nameof(ProvinceParameters.ResubmissionWindowDays)];

    private readonly IReadOnlyDictionary<string, IWorkflowActivity> _activities;

    public WorkflowDefinitionLoader(IEnumerable<IWorkflowActivity> activities)
    {
        _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);
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

    /// <summary>Parses and checks one file's text; problems are added to <paramref name="problems"/>.</summary>
    public LoadedDefinition? Load(string file, string json, List<DefinitionProblem> problems)
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

        var before = problems.Count;
        Check(file, definition, problems);
        if (problems.Count > before)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new LoadedDefinition(definition, file, hash, json);
    }

    private void Check(string file, WorkflowDefinition d, List<DefinitionProblem> problems)
    {
        void Problem(string path, string reason) => problems.Add(new DefinitionProblem(file, path, reason));

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

        if (d.Rules.Count == 0)
        {
            Problem("$.rules", "a definition must name the POLICY.md rules it implements");
        }

        for (var i = 0; i < d.Rules.Count; i++)
        {
            CheckRule($"$.rules[{i}]", d.Rules[i], d, Problem, mustBeListed: false);
        }

        if (d.AppliesTo is { } applies)
        {
            CheckRule("$.appliesTo.rule", applies.Rule, d, Problem);
            if (!KnownKinds.Contains(applies.RightKind))
            {
                Problem("$.appliesTo.rightKind", $"'{applies.RightKind}' is not one of {string.Join(", ", KnownKinds)}");
            }

            for (var i = 0; i < applies.TransferModes.Count; i++)
            {
                if (!KnownTransferModes.Contains(applies.TransferModes[i]))
                {
                    Problem($"$.appliesTo.transferModes[{i}]", $"'{applies.TransferModes[i]}' is not one of {string.Join(", ", KnownTransferModes)}");
                }
            }
        }

        if (!d.States.ContainsKey(d.InitialState))
        {
            Problem("$.initialState", $"unknown state '{d.InitialState}'");
        }

        foreach (var (name, signal) in d.Signals)
        {
            foreach (var role in signal.Roles.Where(r => !KnownRoles.Contains(r)))
            {
                Problem($"$.signals.{name}.roles", $"unknown role '{role}'");
            }
        }

        foreach (var (name, deadline) in d.Deadlines)
        {
            CheckDeadline($"$.deadlines.{name}", deadline, d, Problem);
        }

        foreach (var (name, notice) in d.Notices)
        {
            CheckRule($"$.notices.{name}.rule", notice.Rule, d, Problem);
        }

        foreach (var (name, state) in d.States)
        {
            var path = $"$.states.{name}";
            if (state.Deadline is not null)
            {
                if (!d.Deadlines.ContainsKey(state.Deadline))
                {
                    Problem($"{path}.deadline", $"unknown deadline '{state.Deadline}'");
                }
                else if (!d.Transitions.Any(t => t.From == name && t.Deadline == state.Deadline))
                {
                    Problem($"{path}.deadline", $"deadline '{state.Deadline}' has no expiry target: add a transition from '{name}' on deadline '{state.Deadline}'");
                }

                if (state.Final)
                {
                    Problem($"{path}.deadline", "a final state cannot own a deadline");
                }
            }

            for (var i = 0; i < state.OnEntry.Count; i++)
            {
                CheckAction($"{path}.onEntry[{i}]", state.OnEntry[i], d, Problem);
            }
        }

        for (var i = 0; i < d.Transitions.Count; i++)
        {
            var t = d.Transitions[i];
            var path = $"$.transitions[{i}]";
            if (!d.States.TryGetValue(t.From, out var from))
            {
                Problem($"{path}.from", $"unknown state '{t.From}'");
            }
            else if (from.Final)
            {
                Problem($"{path}.from", $"'{t.From}' is a final state: nothing may leave it");
            }

            if (!d.States.ContainsKey(t.To))
            {
                Problem($"{path}.to", $"unknown state '{t.To}'");
            }

            CheckRule($"{path}.rule", t.Rule, d, Problem);

            if ((t.Signal is null) == (t.Deadline is null))
            {
                Problem(path, "a transition is fired by exactly one of 'signal' or 'deadline'");
            }
            else if (t.Signal is not null && !d.Signals.ContainsKey(t.Signal))
            {
                Problem($"{path}.signal", $"unknown signal '{t.Signal}'");
            }
            else if (t.Deadline is not null)
            {
                if (!d.Deadlines.ContainsKey(t.Deadline))
                {
                    Problem($"{path}.deadline", $"unknown deadline '{t.Deadline}'");
                }
                else if (from is not null && from.Deadline != t.Deadline)
                {
                    Problem($"{path}.deadline", $"state '{t.From}' does not run deadline '{t.Deadline}'");
                }
            }

            if (t.Signal is not null && d.Transitions.Take(i).Any(o => o.From == t.From && o.Signal == t.Signal))
            {
                Problem($"{path}.signal", $"signal '{t.Signal}' already leaves state '{t.From}'");
            }
        }

        foreach (var unreachable in Unreachable(d))
        {
            Problem($"$.states.{unreachable}", $"state '{unreachable}' cannot be reached from the initial state '{d.InitialState}'");
        }
    }

    private static IEnumerable<string> Unreachable(WorkflowDefinition d)
    {
        if (!d.States.ContainsKey(d.InitialState))
        {
            return [];
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { d.InitialState };
        var queue = new Queue<string>([d.InitialState]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var t in d.Transitions.Where(t => t.From == state && reached.Add(t.To)))
            {
                queue.Enqueue(t.To);
            }
        }

        return d.States.Keys.Where(s => !reached.Contains(s));
    }

    private void CheckAction(string path, JsonObject action, WorkflowDefinition d, Action<string, string> problem)
    {
        if (action["activity"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
        {
            problem(path, "an entry action needs an 'activity' name");
            return;
        }

        if (!_activities.TryGetValue(name, out var activity))
        {
            problem($"{path}.activity", $"unknown activity '{name}' (known: {string.Join(", ", _activities.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        foreach (var reason in activity.Validate(action, d))
        {
            problem(path, reason);
        }
    }

    private static void CheckDeadline(string path, DeadlineDefinition deadline, WorkflowDefinition d, Action<string, string> problem)
    {
        CheckRule($"{path}.rule", deadline.Rule, d, problem);
        if ((deadline.Period is null) == (deadline.PeriodParameter is null))
        {
            problem(path, "a deadline needs exactly one of 'period' (ISO 8601, e.g. P1Y) or 'periodParameter'");
        }
        else if (deadline.Period is not null && !IsoPeriod.TryParse(deadline.Period, out _))
        {
            problem($"{path}.period", $"'{deadline.Period}' is not an ISO 8601 date period such as P1Y or P30D");
        }
        else if (deadline.PeriodParameter is not null && !KnownPeriodParameters.Contains(deadline.PeriodParameter))
        {
            problem($"{path}.periodParameter", $"unknown parameter '{deadline.PeriodParameter}' (known: {string.Join(", ", KnownPeriodParameters)})");
        }

        switch (deadline.Reminders)
        {
            case null:
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s == "parameter":
                break;
            case JsonArray a when a.All(n => n is JsonValue x && x.TryGetValue<int>(out var days) && days > 0):
                break;
            default:
                problem($"{path}.reminders", "reminders are \"parameter\" or a list of positive day counts");
                break;
        }

        if (deadline.Reminders is not null && deadline.ReminderNotice is null && deadline.Reminders is not JsonArray { Count: 0 })
        {
            problem($"{path}.reminderNotice", "a deadline with reminders needs a reminderNotice");
        }

        if (deadline.ReminderNotice is not null && !d.Notices.ContainsKey(deadline.ReminderNotice))
        {
            problem($"{path}.reminderNotice", $"unknown notice '{deadline.ReminderNotice}'");
        }
    }

    private static void CheckRule(string path, string rule, WorkflowDefinition d, Action<string, string> problem, bool mustBeListed = true)
    {
        if (PolicyCatalog.Find(rule) is null)
        {
            problem(path, $"'{rule}' is not a rule ID of POLICY.md");
        }
        else if (mustBeListed && !d.Rules.Contains(rule))
        {
            problem(path, $"rule '{rule}' is not listed in $.rules");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
