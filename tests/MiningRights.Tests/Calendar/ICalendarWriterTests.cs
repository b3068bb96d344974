using System.Text;
using MiningRights.Calendar;

namespace MiningRights.Tests.Calendar;

/// <summary>The iCalendar writer against RFC 5545's rules: folding at 75 octets (3.1), TEXT escaping (3.3.11), DATE and UTC values, CRLF.</summary>
public sealed class ICalendarWriterTests
{
    [Fact]
    public void A_long_line_is_folded_at_75_octets_with_a_space_and_unfolds_to_itself()
    {
        var value = string.Concat(Enumerable.Repeat("abcdefghij", 20));
        var text = new ICalendarWriter().Text("SUMMARY", value).ToString();

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(lines[0]));
        Assert.Equal("SUMMARY:" + value, Unfold(text));
    }

    [Fact]
    public void Chinese_text_is_folded_between_characters_never_inside_one()
    {
        var value = string.Concat(Enumerable.Repeat("提交勘查实施方案", 12)) + "𠀀";
        var text = new ICalendarWriter().Text("DESCRIPTION", value).ToString();

        foreach (var line in text[..^2].Split("\r\n"))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75);
            // Each line is whole UTF-8 on its own: no character was cut between two lines.
            Assert.Equal(line, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }

        Assert.Equal("DESCRIPTION:" + value, Unfold(text));
    }

    [Fact]
    public void Text_escapes_backslash_semicolon_comma_and_line_breaks_and_leaves_colons()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf: g", ICalendarWriter.Escape("a\\b;c,d\ne\r\nf: g"));
        Assert.Equal("SUMMARY:[GS-9d] 方案\\, 报告\\; 说明\r\n", new ICalendarWriter().Text("SUMMARY", "[GS-9d] 方案, 报告; 说明").ToString());
    }

    [Fact]
    public void Dates_are_DATE_values_and_instants_UTC_with_Z()
    {
        var text = new ICalendarWriter()
            .Date("DTSTART", new DateOnly(2026, 3, 1))
            .Instant("DTSTAMP", new DateTime(2025, 3, 1, 2, 5, 9, DateTimeKind.Utc))
            .ToString();

        Assert.Equal("DTSTART;VALUE=DATE:20260301\r\nDTSTAMP:20250301T020509Z\r\n", text);
    }

    private static string Unfold(string text) => text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).TrimEnd('\r', '\n');
}
