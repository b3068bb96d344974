using Microsoft.EntityFrameworkCore;
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

    /// <summary>The deadline of <paramref name="context"/> named <paramref name="name"/>: opened now, just expired, or the latest stored.</summary>
    public static async Task<Deadlines.Deadline?> DeadlineAsync(ActivityContext context, string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return null;
        }

        if (name == ExpiredKeyword)
        {
            return context.ExpiredDeadline;
        }

        if (context.OpenedDeadlines.TryGetValue(name, out var opened))
        {
            return opened;
        }

        if (context.ExpiredDeadline?.Name == name)
        {
            return context.ExpiredDeadline;
        }

        return context.Db.Deadlines.Local.Where(d => d.InstanceId == context.Instance.Id && d.Name == name).MaxBy(d => d.CreatedAtUtc)
            ?? await context.Db.Deadlines.Where(d => d.InstanceId == context.Instance.Id && d.Name == name).OrderByDescending(d => d.CreatedAtUtc).FirstOrDefaultAsync(ct);
    }
}
