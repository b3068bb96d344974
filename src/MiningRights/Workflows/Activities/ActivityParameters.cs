using System.Text.Json.Nodes;

namespace MiningRights.Workflows.Activities;

/// <summary>Small readers for activity parameters, so each activity validates and reads them the same way.</summary>
internal static class ActivityParameters
{
    /// <summary>A deadline parameter of "expired" means the deadline whose expiry fired the transition.</summary>
    public const string ExpiredKeyword = "expired";

    public static bool IsDeadline(string? name, WorkflowDefinition definition) =>
        name is null || name == ExpiredKeyword || definition.Deadlines.ContainsKey(name);

    public static string? String(JsonObject parameters, string name) =>
        parameters[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonObject parameters, string name) =>
        parameters[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static IReadOnlyList<string> Strings(JsonObject parameters, string name) =>
        parameters[name] is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty).ToList() : [];

    public static IEnumerable<string> Unknown(JsonObject parameters, params string[] known) =>
        parameters.Select(p => p.Key).Where(k => k != "activity" && !known.Contains(k)).Select(k => $"unknown parameter '{k}'");

    public static LocalizedText? Text(JsonObject parameters, string name) =>
        parameters[name] is JsonObject o && o["zh-CN"] is JsonValue zh && o["en"] is JsonValue en
            && zh.TryGetValue<string>(out var z) && en.TryGetValue<string>(out var e)
            ? new LocalizedText { Zh = z, En = e }
            : null;

    /// <summary>The deadline a parameter names: "expired" for the one whose expiry fired the transition, else by name.</summary>
    public static async Task<Workflows.Deadline?> DeadlineAsync(ActivityContext context, string? name, CancellationToken ct) =>
        name switch
        {
            null => null,
            ExpiredKeyword => context.ExpiredDeadline,
            _ => await context.DeadlineAsync(name, ct),
        };

    /// <summary>
    /// The rule ID an activity's 'rule' parameter (a rule ID or a provision) cites for its instance today: what the
    /// activity stores (an audit entry, a case, a right's provisional rule), never the provision's name.
    /// </summary>
    public static string RuleId(ActivityContext context, JsonObject parameters) => context.Cite(String(parameters, "rule")!).RuleId;

    /// <summary>A 'rule' parameter must name a rule the definition lists.</summary>
    public static IEnumerable<string> Rule(JsonObject parameters, WorkflowDefinition definition, string activity)
    {
        var rule = String(parameters, "rule");
        if (rule is null || !definition.Rules.Contains(rule))
        {
            yield return $"{activity} needs 'rule' naming one of $.rules (got '{rule}')";
        }
    }
}
