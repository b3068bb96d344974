using MiningRights.Workflows.Activities;

namespace MiningRights.Workflows;

/// <summary>Every date a definition counts from must be one it is given at start, records, or opens as a deadline.</summary>
internal static class DateNameChecker
{
    /// <summary>The dates a definition knows: given at start, recorded on a transition, opened as a deadline, or a signal's date input.</summary>
    public static HashSet<string> KnownDates(WorkflowDefinition d)
    {
        var known = new HashSet<string>(d.StartDates, StringComparer.Ordinal);
        known.UnionWith(d.Deadlines.Keys);
        known.UnionWith(d.Transitions.SelectMany(t => new[] { t.Records, t.RecordsDue }).OfType<string>());
        known.UnionWith(d.Signals.Values.SelectMany(s => s.Inputs).Where(i => i.Value.Type == "date").Select(i => i.Key));
        return known;
    }

    public static void Check(WorkflowDefinition d, Action<string, string> problem)
    {
        var known = KnownDates(d);

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
}
