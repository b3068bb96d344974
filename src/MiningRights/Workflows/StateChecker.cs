using System.Text.Json.Nodes;

namespace MiningRights.Workflows;

/// <summary>The states of a definition: the deadlines each runs, its entry actions, and whether it can be reached at all.</summary>
internal sealed class StateChecker(IReadOnlyDictionary<string, IWorkflowActivity> activities)
{
    public void Check(WorkflowDefinition d, Action<string, string> problem)
    {
        foreach (var (name, state) in d.States)
        {
            var path = $"$.states.{name}";
            foreach (var running in state.Running)
            {
                var at = state.Deadline == running ? $"{path}.deadline" : $"{path}.deadlines";
                if (!d.Deadlines.ContainsKey(running))
                {
                    problem(at, $"unknown deadline '{running}'");
                }
                else if (!d.Transitions.Any(t => t.From == name && t.Deadline == running))
                {
                    problem(at, $"deadline '{running}' has no expiry target: add a transition from '{name}' on deadline '{running}'");
                }

                if (state.Final)
                {
                    problem(at, "a final state cannot own a deadline");
                }
            }

            for (var i = 0; i < state.OnEntry.Count; i++)
            {
                CheckAction($"{path}.onEntry[{i}]", state.OnEntry[i], d, problem);
            }
        }
    }

    public static IEnumerable<string> Unreachable(WorkflowDefinition d)
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

        if (!activities.TryGetValue(name, out var activity))
        {
            problem($"{path}.activity", $"unknown activity '{name}' (known: {string.Join(", ", activities.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        foreach (var reason in activity.Validate(action, d))
        {
            problem(path, reason);
        }
    }
}
