using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiningRights.Time;
using MiningRights.Deadlines;
using MiningRights.Notifications;
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

    private static readonly string[] KnownRoles = ["Holder", "Authority", "Inspector", "Admin"];
    private static readonly string[] InputTypes = ["date", "text", "integer", "decimal", "choice"];

    private readonly IReadOnlyDictionary<string, IWorkflowActivity> _activities;
    private readonly HashSet<string> _guards;
    private readonly HashSet<string> _subjectKinds;
    private readonly PolicyBook _book;

    public WorkflowDefinitionLoader(IEnumerable<IWorkflowActivity> activities, IEnumerable<ITransitionGuard> guards, IEnumerable<ISubjectKind> subjectKinds, PolicyBook book)
    {
        _book = book;
        _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _guards = guards.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
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

        // An act cites at least one rule: one named by ID, or the rule that let the process start (appliesTo) and so fills its provisions.
        if (!d.Rules.Any(RulebookLoader.IsRuleId) && d.AppliesTo is null)
        {
            Problem("$.rules", "a definition must name at least one rule ID (a national rule, or one of its own province), so that every act on it cites a rule");
        }

        for (var i = 0; i < d.Rules.Count; i++)
        {
            CheckRule($"$.rules[{i}]", d.Rules[i], d, Problem, mustBeListed: false);
            if (!snapshot)
            {
                CheckTerritory($"$.rules[{i}]", d.Rules[i], d, Problem);
            }
        }

        if (d.AppliesTo is { } applies)
        {
            CheckRule("$.appliesTo.rule", applies.Rule, d, Problem);
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

            if (signal.ActsAt is not (SignalDefinition.ActsAtAuthority or SignalDefinition.ActsAtLocation))
            {
                Problem($"$.signals.{name}.actsAt", $"'{signal.ActsAt}' is not one of authority, location");
            }

            if (signal.Evidence is not (SignalDefinition.EvidenceNone or SignalDefinition.EvidenceOptional or SignalDefinition.EvidenceRequired))
            {
                Problem($"$.signals.{name}.evidence", $"'{signal.Evidence}' is not one of none, optional, required");
            }

            if (signal.DecidesPlan is not (null or SignalDefinition.PlanApproved or SignalDefinition.PlanReturned))
            {
                Problem($"$.signals.{name}.decidesPlan", $"'{signal.DecidesPlan}' is not one of approved, returned");
            }

            foreach (var (inputName, input) in signal.Inputs)
            {
                var path = $"$.signals.{name}.inputs.{inputName}";
                if (!InputTypes.Contains(input.Type))
                {
                    Problem($"{path}.type", $"'{input.Type}' is not one of {string.Join(", ", InputTypes)}");
                }
                else if (input.Type == "choice" && input.Values.Count == 0)
                {
                    Problem($"{path}.values", "a choice needs the values it accepts");
                }
                else if (input.Type == "choice")
                {
                    foreach (var value in input.Values.Where(v => !input.ValueLabels.ContainsKey(v)))
                    {
                        Problem($"{path}.valueLabels", $"the value '{value}' needs its name in Chinese and English");
                    }

                    foreach (var value in input.ValueLabels.Keys.Where(v => !input.Values.Contains(v)))
                    {
                        Problem($"{path}.valueLabels.{value}", $"'{value}' is not one of the choice's values");
                    }
                }
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
            foreach (var running in state.Running)
            {
                var at = state.Deadline == running ? $"{path}.deadline" : $"{path}.deadlines";
                if (!d.Deadlines.ContainsKey(running))
                {
                    Problem(at, $"unknown deadline '{running}'");
                }
                else if (!d.Transitions.Any(t => t.From == name && t.Deadline == running))
                {
                    Problem(at, $"deadline '{running}' has no expiry target: add a transition from '{name}' on deadline '{running}'");
                }

                if (state.Final)
                {
                    Problem(at, "a final state cannot own a deadline");
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
                else if (from is not null && !from.Running.Contains(t.Deadline))
                {
                    Problem($"{path}.deadline", $"state '{t.From}' does not run deadline '{t.Deadline}'");
                }
            }

            if (t.RecordsDue is not null && t.Deadline is null)
            {
                Problem($"{path}.recordsDue", "only a deadline's expiry has a due date to record");
            }

            if (t.Guard is not null && !_guards.Contains(t.Guard))
            {
                Problem($"{path}.guard", $"unknown guard '{t.Guard}' (known: {string.Join(", ", _guards.Order(StringComparer.Ordinal))})");
            }

            // A later transition on the same trigger is reached only when the guards of the earlier ones refuse.
            var earlier = d.Transitions.Take(i).Where(o => o.From == t.From && ((t.Signal is not null && o.Signal == t.Signal) || (t.Deadline is not null && o.Deadline == t.Deadline)));
            if (earlier.Any(o => o.Guard is null))
            {
                Problem(t.Signal is null ? $"{path}.deadline" : $"{path}.signal",
                    $"'{t.Signal ?? t.Deadline}' already leaves state '{t.From}' without a guard: this transition could never fire");
            }
        }

        foreach (var unreachable in Unreachable(d))
        {
            Problem($"$.states.{unreachable}", $"state '{unreachable}' cannot be reached from the initial state '{d.InitialState}'");
        }

        if (!snapshot)
        {
            CheckDates(d, Problem);
        }
    }

    /// <summary>Every date a definition counts from must be one it is given at start, records, or opens as a deadline.</summary>
    private static void CheckDates(WorkflowDefinition d, Action<string, string> problem)
    {
        var known = new HashSet<string>(d.StartDates, StringComparer.Ordinal);
        known.UnionWith(d.Deadlines.Keys);
        known.UnionWith(d.Transitions.SelectMany(t => new[] { t.Records, t.RecordsDue }).OfType<string>());
        known.UnionWith(d.Signals.Values.SelectMany(s => s.Inputs).Where(i => i.Value.Type == "date").Select(i => i.Key));

        void Date(string path, string? name)
        {
            if (name is not null && name != "today" && !known.Contains(name))
            {
                problem(path, $"unknown date '{name}': name it in $.startDates, record it on a transition, or take it from a signal input");
            }
        }

        foreach (var (name, deadline) in d.Deadlines)
        {
            Date($"$.deadlines.{name}.from", deadline.From);
            Date($"$.deadlines.{name}.notBefore", deadline.NotBefore);
        }

        foreach (var (name, signal) in d.Signals)
        {
            foreach (var (inputName, input) in signal.Inputs)
            {
                Date($"$.signals.{name}.inputs.{inputName}.notBefore", input.NotBefore);
                Date($"$.signals.{name}.inputs.{inputName}.notAfter", input.NotAfter);
            }
        }

        foreach (var (name, state) in d.States)
        {
            for (var i = 0; i < state.OnEntry.Count; i++)
            {
                Date($"$.states.{name}.onEntry[{i}].dueDate", ActivityParameters.String(state.OnEntry[i], "dueDate"));
            }
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

    private void CheckDeadline(string path, DeadlineDefinition deadline, WorkflowDefinition d, Action<string, string> problem)
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
        else if (deadline.PeriodParameter is not null && _book.Parameter(deadline.PeriodParameter) is not { IsDays: true })
        {
            problem($"{path}.periodParameter", $"'{deadline.PeriodParameter}' is not a parameter in days of the rulebooks (known: {string.Join(", ", _book.ParameterNames.Where(n => _book.Parameter(n)!.IsDays))})");
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

        if (deadline.Remind.Count == 0 || deadline.Remind.Any(a => !NoticeAudiences.All.Contains(a)))
        {
            problem($"{path}.remind", $"remind is a list of {string.Join(", ", NoticeAudiences.All.Select(a => $"\"{a}\""))}");
        }

        if (deadline.ReminderNotice is not null && !d.Notices.ContainsKey(deadline.ReminderNotice))
        {
            problem($"{path}.reminderNotice", $"unknown notice '{deadline.ReminderNotice}'");
        }
    }

    /// <summary>A rule ID or a provision some rule fills; with <paramref name="mustBeListed"/>, one of the definition's <c>$.rules</c>.</summary>
    private void CheckRule(string path, string rule, WorkflowDefinition d, Action<string, string> problem, bool mustBeListed = true)
    {
        if (RulebookLoader.IsRuleId(rule) ? !_book.Knows(rule) : !_book.IsProvided(rule))
        {
            problem(path, RulebookLoader.IsRuleId(rule)
                ? $"'{rule}' is not a rule ID of the rulebooks"
                : $"'{rule}' is neither a rule ID nor a provision that a rule of the rulebooks fills");
        }
        else if (mustBeListed && !d.Rules.Contains(rule))
        {
            problem(path, $"rule '{rule}' is not listed in $.rules");
        }
    }

    /// <summary>
    /// A definition may name directly only rules it can cite wherever and whenever it runs: in every province (100000) a
    /// national rule; in one province a national rule or one of that province's in force over the definition's whole
    /// window. A provincial addition to a national process is named by its provision, which the rule in force fills.
    /// </summary>
    private void CheckTerritory(string path, string rule, WorkflowDefinition d, Action<string, string> problem)
    {
        if (!RulebookLoader.IsRuleId(rule) || !_book.Knows(rule))
        {
            return;
        }

        var versions = _book.Versions(rule);
        var issuer = versions[0].Issuer;
        if (issuer == PolicyBook.National)
        {
            return;
        }

        var provides = versions.SelectMany(v => v.Provides).Distinct().ToList();
        var instead = provides.Count > 0 ? $"name the provision it fills ({string.Join(", ", provides)}) instead" : "it fills no provision a national process could name";
        if (d.Province == PolicyBook.National)
        {
            problem(path, $"the definition runs in every province (province 100000) and may not cite {rule}, a rule of province {issuer}: {instead}");
        }
        else if (issuer != d.Province)
        {
            problem(path, $"the definition runs in province {d.Province} and may not cite {rule}, a rule of province {issuer}");
        }
        else if (d.ValidFrom < versions.Min(v => v.InForceFrom) || d.ValidUntil > versions.Max(v => v.InForceUntil))
        {
            problem(path, $"{rule} is in force {string.Join("; ", versions.Select(v => $"{v.InForceFrom:yyyy-MM-dd} to {v.InForceUntil:yyyy-MM-dd}"))}, but the definition runs {d.ValidFrom:yyyy-MM-dd} to {d.ValidUntil:yyyy-MM-dd}: it could cite the rule outside its window");
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
