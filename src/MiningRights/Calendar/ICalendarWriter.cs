using System.Globalization;
using System.Text;

namespace MiningRights.Calendar;

/// <summary>
/// A small iCalendar (RFC 5545) writer for the deadline feed (Ical.Net does not restore here): CRLF line ends; content
/// lines folded at 75 octets of UTF-8 without splitting a character, continued with one space (3.1); TEXT values with
/// backslash, semicolon, comma and line breaks escaped (3.3.11); instants in UTC with the Z suffix (3.3.5); whole
/// days as DATE values (3.3.4), the end exclusive (3.6.1).
/// </summary>
public sealed class ICalendarWriter
{
    private const int MaxOctets = 75;

    private readonly StringBuilder _text = new();

    /// <summary>A property with a TEXT value, escaped.</summary>
    public ICalendarWriter Text(string name, string value) => Line(name + ":" + Escape(value));

    /// <summary>A property whose value is written as given (a URI, an identifier the writer made).</summary>
    public ICalendarWriter Raw(string name, string value) => Line(name + ":" + value);

    public ICalendarWriter Date(string name, DateOnly date) =>
        Line(name + ";VALUE=DATE:" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    public ICalendarWriter Instant(string name, DateTime utc) =>
        Line(name + ":" + DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public ICalendarWriter Begin(string component) => Line("BEGIN:" + component);

    public ICalendarWriter End(string component) => Line("END:" + component);

    public override string ToString() => _text.ToString();

    /// <summary>RFC 5545 3.3.11: backslash first, then semicolon, comma and line breaks.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: a line longer than 75 octets is split before a character that would pass the limit; each continuation starts with a space (which counts).</summary>
    public static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        var index = 0;
        while (index < line.Length)
        {
            var length = char.IsSurrogatePair(line, index) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(line, index, length);
            octets += size;
            index += length;
        }

        return folded.ToString();
    }

    private ICalendarWriter Line(string line)
    {
        _text.Append(Fold(line)).Append("\r\n");
        return this;
    }
}
