using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MiningRights.Deadlines;

namespace MiningRights.Calendar;

/// <summary>
/// A holder's deadlines as an iCalendar (RFC 5545) feed, written by Ical.Net: one all-day event per deadline (DATE
/// values, the end exclusive), its UID stable across fetches, the rule it applies in its summary and categories, and a
/// link to the right. Ical.Net escapes TEXT values and writes the properties; its folding is redone here (see
/// <see cref="Refold"/>). The tests read the output against the RFC.
/// </summary>
public static class DeadlineCalendar
{
    public static string Write(IEnumerable<DeadlineView> deadlines, DateTime nowUtc, Uri site)
    {
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//MiningRights//Deadlines//ZH-CN",
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", "矿业权期限 / Mining-right deadlines");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Shanghai");
        foreach (var d in deadlines)
        {
            var link = new Uri(site, d.RightId is { } right ? $"/rights/{right}" : "/holder/deadlines");
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"deadline-{d.Id:N}@miningrights",
                DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
                DtStart = new CalDateTime(d.DueOn),
                DtEnd = new CalDateTime(d.DueOn.AddDays(1)),
                Summary = $"[{d.RuleId}] {d.WhatZh} / {d.WhatEn} — {d.SubjectLabel}",
                Description = $"{d.SubjectLabel}: {d.WhatZh}\n{d.WhatEn}\n截止 Due: {d.DueOn:yyyy-MM-dd}\n{d.RuleId}: {d.RuleSourceZh}\n{d.RuleSourceEn}\n{link}",
                Url = link,
                Categories = [d.RuleId],
                Transparency = TransparencyType.Transparent,
            });
        }

        return Refold(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private const int MaxOctets = 75;

    /// <summary>
    /// Ical.Net 5.2.4 folds one UTF-16 unit at a time, so a character outside the Basic Multilingual Plane (𠀀, CJK
    /// Extension B, found in names) can be cut in two across a fold, leaving each line invalid UTF-8. Its lines are
    /// unfolded and folded again at 75 octets between characters (RFC 5545 3.1), each continuation starting with a space.
    /// </summary>
    internal static string Refold(string text)
    {
        var folded = new StringBuilder(text.Length + text.Length / 64);
        foreach (var line in text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var octets = 0;
            for (var index = 0; index < line.Length;)
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

            folded.Append("\r\n");
        }

        return folded.ToString();
    }
}
