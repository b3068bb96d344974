using System.Globalization;

namespace MiningRights.Workflows;

/// <summary>
/// Reads the values a signal carries against the inputs its definition declares: every error is collected per field,
/// and nothing is kept unless all are valid. Dates become instance dates; other values instance values.
/// </summary>
public static class SignalInputs
{
    /// <summary>Longest text a text input accepts when its definition sets no <see cref="SignalInput.MaxLength"/>.</summary>
    public const int DefaultMaxLength = 2000;

    /// <summary>The multipart field evidence files are sent in.</summary>
    public const string FilesField = "files";

    public static void Apply(string signal, SignalDefinition spec, IReadOnlyDictionary<string, string?> raw, InstanceValues values, DateOnly today, int evidenceFiles = 0)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var errorsZh = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evidenceFiles > 0 && spec.Evidence == SignalDefinition.EvidenceNone)
        {
            errors[FilesField] = [$"'{signal}' takes no evidence files."];
            errorsZh[FilesField] = $"“{signal}”不接受证明材料文件。";
        }
        else if (evidenceFiles == 0 && spec.Evidence == SignalDefinition.EvidenceRequired)
        {
            errors[FilesField] = [$"'{spec.Label.En}' ({spec.Label.Zh}) needs its evidence: send at least one file in '{FilesField}'."];
            errorsZh[FilesField] = $"“{spec.Label.Zh}”须提供证明材料：请在“{FilesField}”字段中至少上传一个文件。";
        }

        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in raw.Keys.Where(k => !spec.Inputs.ContainsKey(k)))
        {
            errors[name] = [spec.Inputs.Count == 0
                ? $"'{signal}' takes no values besides a note."
                : $"'{signal}' takes only: {string.Join(", ", spec.Inputs.Keys)}."];
            errorsZh[name] = spec.Inputs.Count == 0
                ? $"不接受“{name}”：“{signal}”除备注外不接受其他数值。"
                : $"不接受“{name}”：“{signal}”仅接受 {string.Join(", ", spec.Inputs.Keys)}。";
        }

        foreach (var (name, input) in spec.Inputs)
        {
            var text = raw.GetValueOrDefault(name)?.Trim();
            var label = $"{input.Label.En} ({input.Label.Zh})";
            var labelZh = $"“{input.Label.Zh}”";
            if (string.IsNullOrEmpty(text))
            {
                if (input.Required)
                {
                    errors[name] = [$"{label} is required."];
                    errorsZh[name] = $"必须填写{labelZh}。";
                }

                continue;
            }

            var error = input.Type switch
            {
                "date" => ReadDate(text, input, label, labelZh, today, values, dates, out var date) ?? Keep(dates, name, date),
                "text" => text.Length > (input.MaxLength ?? DefaultMaxLength)
                    ? ($"{label} may be at most {input.MaxLength ?? DefaultMaxLength} characters.", $"{labelZh}最多 {input.MaxLength ?? DefaultMaxLength} 个字符。")
                    : Keep(texts, name, text),
                "integer" => ReadNumber(text, input, label, labelZh, integer: true, texts, name),
                "decimal" => ReadNumber(text, input, label, labelZh, integer: false, texts, name),
                "choice" => input.Values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)) is { } choice
                    ? Keep(texts, name, choice)
                    : ($"{label} must be one of {string.Join(", ", input.Values)}.", $"{labelZh}必须为 {string.Join(", ", input.Values)} 之一。"),
                _ => ($"{label} has an unknown type.", $"{labelZh}的类型未知。"),
            };
            if (error is { } found)
            {
                errors[name] = [found.En];
                errorsZh[name] = found.Zh;
            }
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid request", $"The values given with '{signal}' are not valid: see the field errors.", errors: errors,
                detailZh: $"随“{signal}”提交的数值无效：{string.Concat(errorsZh.Values)}");
        }

        foreach (var (name, date) in dates)
        {
            values.SetDate(name, date);
        }

        foreach (var (name, text) in texts)
        {
            values.Set(name, text);
        }
    }

    private static (string En, string Zh)? Keep<T>(Dictionary<string, T> into, string name, T value)
    {
        into[name] = value;
        return null;
    }

    private static (string En, string Zh)? ReadDate(string text, SignalInput input, string label, string labelZh, DateOnly today, InstanceValues values, Dictionary<string, DateOnly> given, out DateOnly date)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return ($"{label} must be a date as yyyy-MM-dd.", $"{labelZh}必须为 yyyy-MM-dd 格式的日期。");
        }

        DateOnly? Bound(string? name) => name switch
        {
            null => null,
            "today" => today,
            _ => given.TryGetValue(name, out var d) ? d : values.Date(name),
        };

        if (Bound(input.NotBefore) is { } floor && date < floor)
        {
            return ($"{label} may not be before {floor:yyyy-MM-dd}{(input.NotBefore == "today" ? " (today)" : $" ({input.NotBefore})")}.",
                $"{labelZh}不得早于 {floor:yyyy-MM-dd}{(input.NotBefore == "today" ? "（今天）" : $"（{input.NotBefore}）")}。");
        }

        if (Bound(input.NotAfter) is { } ceiling && date > ceiling)
        {
            return ($"{label} may not be after {ceiling:yyyy-MM-dd}{(input.NotAfter == "today" ? " (today)" : $" ({input.NotAfter})")}.",
                $"{labelZh}不得晚于 {ceiling:yyyy-MM-dd}{(input.NotAfter == "today" ? "（今天）" : $"（{input.NotAfter}）")}。");
        }

        return null;
    }

    private static (string En, string Zh)? ReadNumber(string text, SignalInput input, string label, string labelZh, bool integer, Dictionary<string, string> into, string name)
    {
        var ok = integer
            ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && (decimal)whole is var n1 && Within(n1)
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n2) && Within(n2);
        bool Within(decimal value) => (input.Min is null || value >= input.Min) && (input.Max is null || value <= input.Max);
        if (!ok)
        {
            var range = (input.Min, input.Max) switch
            {
                ({ } min, { } max) => $" from {min} to {max}",
                ({ } min, null) => $" of at least {min}",
                (null, { } max) => $" of at most {max}",
                _ => string.Empty,
            };
            var rangeZh = (input.Min, input.Max) switch
            {
                ({ } min, { } max) => $"{min} 至 {max} 之间的",
                ({ } min, null) => $"不小于 {min} 的",
                (null, { } max) => $"不大于 {max} 的",
                _ => string.Empty,
            };
            return ($"{label} must be {(integer ? "a whole number" : "a number")}{range}.", $"{labelZh}必须为{rangeZh}{(integer ? "整数" : "数字")}。");
        }

        return Keep(into, name, text);
    }
}
