using MiningRights.Web.Errors;

namespace MiningRights.Web.Requests;

/// <summary>
/// Enum values in query strings and forms, read as in JSON bodies: by name, any case, never by number; anything
/// else is a 400 that lists the allowed names.
/// </summary>
internal static class EnumText
{
    public static T? Parse<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return !text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw RefusalException.Invalid(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.",
                $"“{EchoedText.Shorten(text)}”不是以下取值之一：{string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}。");
    }
}
