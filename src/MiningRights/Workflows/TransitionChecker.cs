namespace MiningRights.Workflows;

/// <summary>The transitions of a definition: their states, their one trigger, their guard, and whether each can ever fire.</summary>
internal sealed class TransitionChecker(HashSet<string> guards, RuleCitationChecker rules)
{
    public void Check(WorkflowDefinition d, Action<string, string> problem)
    {
        for (var i = 0; i < d.Transitions.Count; i++)
        {
            var t = d.Transitions[i];
            var path = $"$.transitions[{i}]";
            if (!d.States.TryGetValue(t.From, out var from))
            {
                problem($"{path}.from", $"unknown state '{t.From}'");
            }
            else if (from.Final)
            {
                problem($"{path}.from", $"'{t.From}' is a final state: nothing may leave it");
            }

            if (!d.States.ContainsKey(t.To))
            {
                problem($"{path}.to", $"unknown state '{t.To}'");
            }

            rules.Check($"{path}.rule", t.Rule, d, problem);

            if ((t.Signal is null) == (t.Deadline is null))
            {
                problem(path, "a transition is fired by exactly one of 'signal' or 'deadline'");
            }
            else if (t.Signal is not null && !d.Signals.ContainsKey(t.Signal))
            {
                problem($"{path}.signal", $"unknown signal '{t.Signal}'");
            }
            else if (t.Deadline is not null)
            {
                if (!d.Deadlines.ContainsKey(t.Deadline))
                {
                    problem($"{path}.deadline", $"unknown deadline '{t.Deadline}'");
                }
                else if (from is not null && !from.Running.Contains(t.Deadline))
                {
                    problem($"{path}.deadline", $"state '{t.From}' does not run deadline '{t.Deadline}'");
                }
            }

            if (t.RecordsDue is not null && t.Deadline is null)
            {
                problem($"{path}.recordsDue", "only a deadline's expiry has a due date to record");
            }

            if (t.Guard is not null && !guards.Contains(t.Guard))
            {
                problem($"{path}.guard", $"unknown guard '{t.Guard}' (known: {string.Join(", ", guards.Order(StringComparer.Ordinal))})");
            }

            // A later transition on the same trigger is reached only when the guards of the earlier ones refuse.
            var earlier = d.Transitions.Take(i).Where(o => o.From == t.From && ((t.Signal is not null && o.Signal == t.Signal) || (t.Deadline is not null && o.Deadline == t.Deadline)));
            if (earlier.Any(o => o.Guard is null))
            {
                problem(t.Signal is null ? $"{path}.deadline" : $"{path}.signal",
                    $"'{t.Signal ?? t.Deadline}' already leaves state '{t.From}' without a guard: this transition could never fire");
            }
        }
    }
}
