using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MiningRights.Accounts;
using MiningRights.Imports;
using MiningRights.Rights;

namespace MiningRights.IntegrationTests.Imports;

/// <summary>Register files as an authority would upload them: the template's headings and one right per row.</summary>
public static class RegisterFile
{
    /// <summary>
    /// A valid row: an exploration right in Subei county (620923) registered on 2024-03-01 for the three years the law then
    /// allowed (CN-TERM), its holder new; <paramref name="index"/> makes the codes unique and, with corners, moves the
    /// square 3 km north per index so that rows never overlap.
    /// </summary>
    public static Dictionary<string, string> Row(int index, string? salt = null)
    {
        var digits = ((uint)(salt ?? "").GetHashCode(StringComparison.Ordinal) % 100_000).ToString("D5", CultureInfo.InvariantCulture) + index.ToString("D4", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["holderCreditCode"] = UnifiedSocialCreditCode.WithCheckCharacter($"91620100{digits}"),
            ["holderNameZh"] = $"导入测试矿业有限公司{index}",
            ["holderNameEn"] = $"Import Test Mining Co. {index}",
            ["holderLanguage"] = "zh-CN",
            ["holderEmails"] = $"import-{digits}@holders.test",
            ["licenseNumber"] = $"T6212{digits}",
            ["kind"] = "探矿权",
            ["projectName"] = $"马鬃山金矿普查{index}",
            ["minerals"] = "金、铜",
            ["areaKm2"] = "4",
            ["locationCountyCode"] = "620923",
            ["authorityCode"] = "620000",
            ["transferMode"] = "挂牌",
            ["blankArea"] = "否",
            ["registeredOn"] = "2024-03-01",
            ["expiresOn"] = "2027-03-01",
        };
    }

    /// <summary>A 2 km square in Gauss-Krüger zone 32 (CM 96° E), written with the zone prefix, 3 km north of the last per index.</summary>
    public static Dictionary<string, string> WithSquare(this Dictionary<string, string> row, int index)
    {
        var x = 4_639_000 + (index * 3_000);
        row.Remove("areaKm2");
        row["cornerNotation"] = "高斯-克吕格";
        row["corners"] = string.Create(CultureInfo.InvariantCulture, $"{x},32450000;{x},32452000;{x + 2000},32452000;{x + 2000},32450000");
        return row;
    }

    public static byte[] Csv(IEnumerable<IReadOnlyDictionary<string, string>> rows, IEnumerable<string>? headings = null)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', (headings ?? ImportColumn.All.Select(c => c.Heading)).Select(Quote)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', ImportColumn.All.Select(c => Quote(row.GetValueOrDefault(c.Key) ?? ""))));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName = "register.csv", string contentType = "text/csv", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static string Quote(string value) => '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
