using System.Text;
using MiningRights.Calendar;
using MiningRights.Deadlines;
using MiningRights.Workflows;

namespace MiningRights.Tests.Calendar;

/// <summary>
/// The deadline feed's text against RFC 5545: CRLF lines folded at 75 octets with a space (3.1), never inside a
/// character; TEXT values escaped (3.3.11); whole days as DATE values with the end exclusive (3.3.4, 3.6.1); the stamp
/// in UTC with Z (3.3.5); one event per deadline with a UID that does not change between fetches.
/// </summary>
public sealed class DeadlineCalendarTests
{
    private static readonly Uri Site = new("https://rights.example.gov.cn/");
    private static readonly DateTime Now = new(2025, 3, 1, 2, 5, 9, DateTimeKind.Utc);

    [Fact]
    public void Long_lines_are_folded_at_75_octets_with_a_space_and_unfold_to_the_value()
    {
        var what = string.Concat(Enumerable.Repeat("abcdefghij", 20));
        var text = DeadlineCalendar.Write([Deadline(what: what)], Now, Site);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Contains($"SUMMARY:[GS-9d] {what} / Submit — T6200002025000001", Unfold(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Chinese_text_is_folded_between_characters_never_inside_one_even_beside_a_supplementary_character(int shift)
    {
        // 𠀀 (U+20000, CJK Extension B, found in names) is two UTF-16 units and four octets: moved along the line so that
        // one of the runs puts it across a fold.
        var what = new string('勘', shift) + string.Concat(Enumerable.Repeat("提交勘查实施方案𠀀", 12));
        var text = DeadlineCalendar.Write([Deadline(what: what)], Now, Site);

        foreach (var line in text[..^2].Split("\r\n"))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75);
            // Each line is whole UTF-8 on its own: no character was cut between two lines.
            Assert.Equal(line, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }

        Assert.Contains($"SUMMARY:[GS-9d] {what} / Submit", Unfold(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_line_breaks_and_leave_colons()
    {
        var text = Unfold(DeadlineCalendar.Write([Deadline(what: "方案, 报告; 说明\\附件: 一")], Now, Site));

        Assert.Contains(@"SUMMARY:[GS-9d] 方案\, 报告\; 说明\\附件: 一 / Submit", text, StringComparison.Ordinal);
        Assert.Contains(@"DESCRIPTION:T6200002025000001: 方案\, 报告\; 说明\\附件: 一\nSubmit\n截止 Due: 2026-03-01\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_is_an_all_day_event_with_a_stable_UID_a_UTC_stamp_and_its_rule()
    {
        var deadline = Deadline();
        var first = Unfold(DeadlineCalendar.Write([deadline], Now, Site));
        var again = Unfold(DeadlineCalendar.Write([deadline], Now.AddHours(5), Site));

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", first, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", first, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260301\r\n", first, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20260302\r\n", first, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20250301T020509Z\r\n", first, StringComparison.Ordinal);
        Assert.Contains("CATEGORIES:GS-9d\r\n", first, StringComparison.Ordinal);
        Assert.Contains($"URL:{Site}rights/{deadline.RightId}\r\n", first, StringComparison.Ordinal);
        var uid = $"UID:deadline-{deadline.Id:N}@miningrights\r\n";
        Assert.Contains(uid, first, StringComparison.Ordinal);
        Assert.Contains(uid, again, StringComparison.Ordinal);
        Assert.Equal(1, first.Split("BEGIN:VEVENT").Length - 1);
    }

    private static DeadlineView Deadline(string what = "提交勘查实施方案") => new(
        Guid.Parse("5a4c1d2e-0000-4000-8000-000000000001"), Guid.NewGuid(), "right", Guid.NewGuid(), "T6200002025000001",
        Guid.Parse("5a4c1d2e-0000-4000-8000-000000000002"), "plan", what, "Submit", new DateOnly(2026, 3, 1), 365, "GS-9d",
        "甘肃省通知第九条", "Gansu notice, art. 9", DeadlineState.Open, [30, 7], [], null, null, 0, null, null);

    private static string Unfold(string text) => text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
}
