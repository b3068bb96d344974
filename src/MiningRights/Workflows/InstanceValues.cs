using System.Globalization;
using System.Text.Json;

namespace MiningRights.Workflows;

/// <summary>The named dates and values of an instance, read from and written back to its JSON columns.</summary>
public sealed class InstanceValues
{
    private readonly WorkflowInstance _instance;
    private readonly Dictionary<string, string> _dates;
    private readonly Dictionary<string, string> _data;

    public InstanceValues(WorkflowInstance instance)
    {
        _instance = instance;
        _dates = JsonSerializer.Deserialize<Dictionary<string, string>>(instance.DatesJson) ?? [];
        _data = JsonSerializer.Deserialize<Dictionary<string, string>>(instance.DataJson) ?? [];
    }

    public IReadOnlyDictionary<string, string> Data => _data;

    public IReadOnlyDictionary<string, string> Dates => _dates;

    public DateOnly? Date(string name) =>
        _dates.TryGetValue(name, out var text) ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The day the instance's deadline <paramref name="deadline"/> falls due: the date it last fell on, or the extension
    /// granted since (force majeure, a justified reason), whichever is later; null if it never opened and none was granted.
    /// </summary>
    public DateOnly? DueOn(string deadline)
    {
        var due = Date(deadline);
        var extended = Date(WorkflowRuntime.ExtendedPrefix + deadline);
        return extended > due || due is null ? extended : due;
    }

    public void SetDate(string name, DateOnly date)
    {
        _dates[name] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _instance.DatesJson = JsonSerializer.Serialize(_dates);
    }

    public string? Get(string name) => _data.GetValueOrDefault(name);

    public void Set(string name, string value)
    {
        _data[name] = value;
        _instance.DataJson = JsonSerializer.Serialize(_data);
    }

    /// <summary>Replaces {name} placeholders with instance values; used for texts that vary per instance.</summary>
    public string Fill(string template)
    {
        foreach (var (key, value) in _data)
        {
            template = template.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return template;
    }
}
