using System.Globalization;
using CsvHelper;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Time;

namespace MiningRights.Cases;

/// <summary>
/// The inspectors' queue as a CSV file for Excel: the whole filtered queue in the queue's risk order (at most
/// <see cref="MaxRows"/> cases, more is refused with 422), bilingual headers, UTF-8 with a byte order mark so that Excel
/// reads the Chinese text as UTF-8, and text that starts like a formula escaped so that a spreadsheet shows it as text.
/// </summary>
public static class CaseExport
{
    public const int MaxRows = 10_000;

    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "案件编号 Case",
        "许可证号 Licence",
        "规则 Rule",
        "严重程度 Severity",
        "到期日 Due",
        "逾期天数 Days overdue",
        "矿业权人其他未结案件 Holder's other open cases",
        "状态 Status",
        "县 County",
        "矿业权人 Holder",
        "标题 Title",
        "立案时间 Opened",
    ];

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>cases-yyyy-MM-dd.csv, dated the day the queue was read.</summary>
    public static string FileName(DateOnly day) => $"cases-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    /// <summary>The cases as CSV, in the order given; counties named from <paramref name="tree"/>.</summary>
    public static async Task<byte[]> WriteAsync(IReadOnlyList<CaseView> cases, JurisdictionTree tree, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var c in cases)
            {
                var county = tree.Find(c.JurisdictionCode);
                var opened = TimeZoneInfo.ConvertTime(new DateTimeOffset(c.OpenedAtUtc), ProvinceCalendar.China.Zone);
                var status = c.Status.ToString();
                csv.WriteField(c.Id.ToString());
                csv.WriteField(c.LicenseNumber);
                csv.WriteField(c.RuleId);
                csv.WriteField(c.Severity, default);
                csv.WriteField(c.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
                csv.WriteField(c.DaysOverdue, default);
                csv.WriteField(c.HolderOpenCases, default);
                csv.WriteField(char.ToLowerInvariant(status[0]) + status[1..]);
                csv.WriteField(county is null ? c.JurisdictionCode : $"{c.JurisdictionCode} {county.NameZh}");
                csv.WriteField(c.HolderNameZh);
                csv.WriteField(c.TitleZh);
                csv.WriteField(opened.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
                await csv.EndRecordAsync(ct);
            }

            await csv.FlushAsync(ct);
        }

        return buffer.ToArray();
    }
}
