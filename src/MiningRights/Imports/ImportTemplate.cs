using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace MiningRights.Imports;

/// <summary>The file an authority fills in: the bilingual headings and one example row, as CSV (UTF-8 with BOM, so Excel keeps the Chinese) or XLSX.</summary>
public static class ImportTemplate
{
    public static byte[] Csv()
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteHeader(ImportColumn.All.Select(c => c.Heading).ToArray());
            foreach (var column in ImportColumn.All)
            {
                csv.WriteField(Example(column));
            }

            csv.EndRecord();
            csv.Flush();
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx()
    {
        // Every value is text, so that Excel keeps a licence number or credit code of digits as it is written.
        var heading = ImportColumn.All.ToDictionary(c => c.Key, c => (object?)c.Heading);
        var example = ImportColumn.All.ToDictionary(c => c.Key, c => (object?)Example(c));
        using var buffer = new MemoryStream();
        buffer.SaveAs(new[] { heading, example }, printHeader: false, sheetName: "register", excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static string Example(ImportColumn column) =>
        column.Key == "holderCreditCode" ? Accounts.UnifiedSocialCreditCode.WithCheckCharacter(column.Example[..17]) : column.Example;
}
