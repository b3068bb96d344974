using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace MiningRights.Imports;

/// <summary>
/// The rows of an uploaded register file, CSV (UTF-8) or XLSX, read by CsvHelper or MiniExcel: its first row names the
/// columns (<see cref="ImportColumn"/>), each following row is one right. A file that is neither, empty, without the
/// template's columns, or longer than <see cref="MaxRows"/> is refused as a whole (422) before any row is looked at.
/// </summary>
public sealed class ImportSheet
{
    /// <summary>A province's register is thousands of rights; a file beyond this is a mistake or an attack.</summary>
    public const int MaxRows = 50_000;

    private const string Title = "Unreadable register file";

    // A row of the template with 2 000 corners is about 60 kB.
    private const int MaxRecordBytes = 256 * 1024;

    private ImportSheet(IReadOnlyList<ImportLine> lines) => Lines = lines;

    /// <summary>The data rows that hold anything, each with its row number as a spreadsheet shows it (the heading is row 1).</summary>
    public IReadOnlyList<ImportLine> Lines { get; }

    /// <exception cref="RefusalException">422 saying why the file cannot be read as a register.</exception>
    public static ImportSheet Read(string fileName, byte[] content)
    {
        if (content.Length == 0)
        {
            throw Refuse("The file is empty.", "文件为空。");
        }

        var rows = IsZip(content) ? ReadXlsx(content) : ReadCsv(fileName, content);
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext() || enumerator.Current.All(string.IsNullOrWhiteSpace))
        {
            throw Refuse("The file has no heading row: its first row must name the template's columns.", "文件没有标题行：第一行必须是模板中的列名。");
        }

        var positions = Headings(enumerator.Current);
        var lines = new List<ImportLine>();
        var number = 1;
        while (enumerator.MoveNext())
        {
            number++;
            var cells = enumerator.Current;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (lines.Count == MaxRows)
            {
                throw Refuse($"The file has more than {MaxRows} rows; import the register in parts of at most {MaxRows}.",
                    $"文件超过 {MaxRows} 行；请将登记簿分成每份不超过 {MaxRows} 行分批导入。");
            }

            var values = new string?[ImportColumn.All.Count];
            for (var i = 0; i < positions.Length && i < cells.Count; i++)
            {
                if (positions[i] is { } column && !string.IsNullOrWhiteSpace(cells[i]))
                {
                    values[column] = cells[i]!.Trim();
                }
            }

            lines.Add(new ImportLine(number, values));
        }

        return new ImportSheet(lines);
    }

    /// <summary>Which template column each cell of the heading row is; unknown, repeated or missing columns are refused.</summary>
    private static int?[] Headings(IReadOnlyList<string?> headings)
    {
        var positions = new int?[headings.Count];
        var unknown = new List<string>();
        var repeated = new List<(ImportColumn Column, string At)>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i]?.Trim().TrimStart('\uFEFF');
            if (string.IsNullOrEmpty(heading))
            {
                continue;
            }

            var column = ImportColumn.All.Select((c, index) => (c, index)).FirstOrDefault(c => c.c.Matches(heading));
            if (column.c is null)
            {
                unknown.Add($"{Letter(i)} “{Text.Cut(heading, 40)}”");
                continue;
            }

            if (positions.Contains(column.index))
            {
                repeated.Add((column.c, Letter(i)));
                continue;
            }

            positions[i] = column.index;
        }

        var missing = ImportColumn.All.Select((c, index) => (c, index)).Where(c => c.c.Required && !positions.Contains(c.index)).Select(c => c.c).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0)
        {
            var en = new List<string>();
            var zh = new List<string>();
            if (repeated.Count > 0)
            {
                en.Add($"Columns that appear twice: {string.Join(", ", repeated.Select(r => $"{r.Column.Key} (again in column {r.At})"))}.");
                zh.Add($"以下列出现了两次：{string.Join("、", repeated.Select(r => $"{r.Column.Zh}（第二次在 {r.At} 列）"))}。");
            }

            if (unknown.Count > 0)
            {
                en.Add($"Columns that are not in the template: {string.Join(", ", unknown.Take(10))}.");
                zh.Add($"以下列不是模板中的列：{string.Join("、", unknown.Take(10))}。");
            }

            if (missing.Count > 0)
            {
                en.Add($"Columns missing: {string.Join(", ", missing.Select(c => c.Key))}.");
                zh.Add($"缺少以下列：{string.Join("、", missing.Select(c => c.Zh))}。");
            }

            throw Refuse($"The heading row does not match the template. {string.Join(" ", en)} Download the template for the columns.",
                $"标题行与模板不符。{string.Concat(zh)}请下载模板查看各列。");
        }

        return positions;
    }

    private static List<IReadOnlyList<string?>> ReadXlsx(byte[] content)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // MiniExcel throws whatever its zip and XML readers throw for a damaged workbook or another zip file.
            throw Refuse("The file is a zip archive but not a readable XLSX workbook.", "该文件是 zip 压缩包，但不是可读取的 XLSX 工作簿。");
        }

        return rows.Select(row => (IReadOnlyList<string?>)row.Values.Select(Cell).ToList()).ToList();
    }

    private static List<IReadOnlyList<string?>> ReadCsv(string fileName, byte[] content)
    {
        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || Array.IndexOf(content, (byte)0) >= 0)
        {
            throw Refuse("The file is neither CSV nor XLSX. Save the register as an Excel workbook (.xlsx) or as CSV UTF-8.",
                "文件既不是 CSV 也不是 XLSX。请将登记簿另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”格式。");
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(content);
        }
        catch (DecoderFallbackException)
        {
            throw Refuse("The CSV file is not UTF-8 (Excel's plain \"CSV\" writes GBK): save it as \"CSV UTF-8\" or as .xlsx.",
                "CSV 文件不是 UTF-8 编码（Excel 的普通“CSV”格式为 GBK 编码）：请另存为“CSV UTF-8”或 .xlsx 格式。");
        }

        var rows = new List<IReadOnlyList<string?>>();
        try
        {
            // The separator is detected (Excel writes ';' where ',' is the decimal comma); a record is bounded so that an
            // unclosed quote cannot swallow the file.
            using var csv = CsvReader.Create(content, new CsvReaderOptions { HasHeader = false, MalformedData = CsvMalformedDataHandling.Throw, MaxRecordSize = MaxRecordBytes });
            while (csv.Read() && rows.Count < MaxRows + 2)
            {
                rows.Add(csv.Current.ToArray());
            }
        }
        catch (CsvFormatException ex)
        {
            throw Refuse($"The CSV file cannot be read at row {ex.RecordNumber}: its quoting is broken.", $"无法读取 CSV 文件第 {ex.RecordNumber} 行：引号使用有误。");
        }

        return rows;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool IsZip(byte[] content) => content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letter((index / 26) - 1) + (char)('A' + (index % 26));

    private static RefusalException Refuse(string detail, string detailZh) =>
        new(422, Title, detail, errors: new Dictionary<string, string[]> { ["file"] = [detail] }, detailZh: detailZh);
}
