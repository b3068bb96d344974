using System.Globalization;
using System.Text.Json;

namespace MiningRights.Policies;

/// <summary>Reads a parameter's value, from its rulebook default or from a configured string, by its unit, and checks its bounds.</summary>
public static class ParameterUnits
{
    /// <summary>The value of <paramref name="json"/> for <paramref name="definition"/>, or the reason it is not one.</summary>
    public static object? Read(ParameterDefinition definition, JsonElement json, out string? error)
    {
        var text = definition.Unit switch
        {
            "dayList" when json.ValueKind == JsonValueKind.Array => string.Join(',', json.EnumerateArray().Select(e => e.GetRawText())),
            "monthDay" when json.ValueKind == JsonValueKind.String => json.GetString(),
            _ when json.ValueKind == JsonValueKind.Number => json.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            error = definition.Unit switch
            {
                "dayList" => "the value is a list of whole days, e.g. [60, 30, 7, 1]",
                "monthDay" => "the value is a month and day as text, e.g. \"05-31\"",
                _ => "the value is a number",
            };
            return null;
        }

        return Read(definition, text, out error);
    }

    /// <summary>The value of <paramref name="text"/> (a list as comma-separated days) for <paramref name="definition"/>, or the reason it is not one.</summary>
    public static object? Read(ParameterDefinition definition, string text, out string? error)
    {
        error = null;
        switch (definition.Unit)
        {
            case "dayList":
                var days = new List<int>();
                foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || !Within(definition, day))
                    {
                        error = $"'{part}' is not a whole number of days{Bounds(definition)}";
                        return null;
                    }

                    days.Add(day);
                }

                if (days.Count == 0 || days.Distinct().Count() != days.Count)
                {
                    error = "the list needs at least one day and no day twice";
                    return null;
                }

                return days.OrderByDescending(d => d).ToArray();
            case "monthDay":
                if (!DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    error = $"'{text}' is not a month and day, MM-dd (e.g. 05-31)";
                    return null;
                }

                return text;
            case "percent" or "fraction" or "yuanPerKm2":
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !Within(definition, number))
                {
                    error = $"'{text}' is not a number{Bounds(definition)}";
                    return null;
                }

                return number;
            default:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) || !Within(definition, whole))
                {
                    error = $"'{text}' is not a whole number{Bounds(definition)}";
                    return null;
                }

                return whole;
        }
    }

    /// <summary>The value as people read it: a list joined by commas, numbers without trailing zeros.</summary>
    public static string Show(object value) => value switch
    {
        int[] list => string.Join(", ", list.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool Within(ParameterDefinition definition, decimal value) =>
        (definition.Min is null || value >= definition.Min) && (definition.Max is null || value <= definition.Max);

    private static string Bounds(ParameterDefinition definition) => (definition.Min, definition.Max) switch
    {
        (null, null) => string.Empty,
        ({ } min, null) => $" of at least {Show(min)}",
        (null, { } max) => $" of at most {Show(max)}",
        ({ } min, { } max) => $" from {Show(min)} to {Show(max)}",
    };
}
