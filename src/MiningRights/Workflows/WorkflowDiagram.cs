using System.Text;

namespace MiningRights.Workflows;

/// <summary>
/// A definition drawn as a Mermaid state diagram, from its JSON alone: each state with its status in the reader's
/// language, each transition with the signal that fires it (its label) or the deadline whose expiry does, the
/// initial and final states, and the state an instance is in highlighted.
/// </summary>
public static class WorkflowDiagram
{
    public static string Mermaid(WorkflowDefinition definition, string language, string? current = null)
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var (name, state) in definition.States)
        {
            text.Append(CultureFree($"    state \"{Clean(state.Status.In(language))}\" as {Id(name)}\n"));
        }

        text.Append(CultureFree($"    [*] --> {Id(definition.InitialState)}\n"));
        foreach (var t in definition.Transitions)
        {
            var label = t.Signal is { } signal
                ? (definition.Signals.TryGetValue(signal, out var spec) ? Clean(spec.Label.In(language)) : signal)
                : (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "到期 " : "expires ") + Clean(definition.Deadlines.TryGetValue(t.Deadline!, out var deadline) ? deadline.What.In(language) : t.Deadline!);
            text.Append(CultureFree($"    {Id(t.From)} --> {Id(t.To)} : {label}{(t.Guard is null ? string.Empty : $" [{t.Guard}]")} ({t.Rule})\n"));
        }

        foreach (var (name, _) in definition.States.Where(s => s.Value.Final))
        {
            text.Append(CultureFree($"    {Id(name)} --> [*]\n"));
        }

        if (current is not null && definition.States.ContainsKey(current))
        {
            text.Append("    classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px\n");
            text.Append(CultureFree($"    class {Id(current)} current\n"));
        }

        return text.ToString();
    }

    /// <summary>Mermaid state ids are words: the definition's own names are (the loader checks them), prefixed so none is a keyword.</summary>
    private static string Id(string name) => "s_" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>A label without what Mermaid reads as syntax: quotes, colons, semicolons, braces, line breaks, and placeholders.</summary>
    private static string Clean(string text) =>
        new string(text.Select(c => c is '"' or ':' or ';' or '{' or '}' or '\n' or '\r' or '#' or '<' or '>' ? ' ' : c).ToArray()).Trim();

    private static string CultureFree(FormattableString text) => FormattableString.Invariant(text);
}
