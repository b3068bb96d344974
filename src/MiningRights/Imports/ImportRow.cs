using System.Globalization;
using MiningRights.Ground;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>
/// One line read into the holder and the right it describes, as the registration use cases take them. Values the use
/// cases check themselves (codes, names, dates against the law) pass as written; what cannot even be read into a
/// request's type (a kind that is no kind, corners that are no corners) is a problem of its column here.
/// </summary>
public sealed class ImportRow
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    // The use cases' field names where they are not the column's: the holder's, and the holder a right names.
    private static readonly Dictionary<string, string> FieldColumns = new(StringComparer.Ordinal)
    {
        ["creditCode"] = "holderCreditCode",
        ["nameZh"] = "holderNameZh",
        ["nameEn"] = "holderNameEn",
        ["language"] = "holderLanguage",
        ["contactEmails"] = "holderEmails",
        ["holderId"] = "holderCreditCode",
    };

    private readonly List<ImportProblem> problems = [];

    private ImportRow(ImportLine line) => Line = line;

    public ImportLine Line { get; }

    public IReadOnlyList<ImportProblem> Problems => problems;

    public RegisterHolder.Request Holder { get; private set; } = null!;

    public RegisterRight.Request Right { get; private set; } = null!;

    public string? CreditCode => Line["holderCreditCode"]?.ToUpperInvariant();

    public string? LicenseNumber => Line["licenseNumber"]?.ToUpperInvariant();

    /// <summary>The ring in longitude/latitude when the row gives corners.</summary>
    public double[][]? Corners { get; private set; }

    public static ImportRow Read(ImportLine line)
    {
        var row = new ImportRow(line);
        row.Holder = new RegisterHolder.Request(line["holderCreditCode"], line["holderNameZh"], line["holderNameEn"], row.Language(),
            line["holderEmails"]?.Split([';', '；', ',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        row.Corners = row.ReadCorners();
        row.Right = new RegisterRight.Request(
            line["licenseNumber"],
            row.Choice("kind", "exploration (探矿权) or mining (采矿权)", "探矿权或采矿权",
                (RightKind.Exploration, ["exploration", "探矿权"]), (RightKind.Mining, ["mining", "采矿权"])),
            null,
            line["projectName"],
            line["minerals"]?.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            row.Area(),
            line["locationCountyCode"],
            line["authorityCode"],
            row.Choice("transferMode", "tender, auction, listing or agreement (招标、拍卖、挂牌、协议)", "招标、拍卖、挂牌或协议",
                (TransferMode.Tender, ["tender", "招标"]), (TransferMode.Auction, ["auction", "拍卖"]), (TransferMode.Listing, ["listing", "挂牌"]), (TransferMode.Agreement, ["agreement", "协议"])),
            row.Choice("blankArea", "yes or no (是/否)", "是或否", (true, ["true", "yes", "是", "1"]), (false, ["false", "no", "否", "0"])),
            row.Date("registeredOn"),
            row.Date("expiresOn"),
            null,
            row.Corners,
            row.Choice("mineScale", "large, medium or small (大型、中型、小型)", "大型、中型或小型",
                (Rights.MineScale.Large, ["large", "大型"]), (Rights.MineScale.Medium, ["medium", "中型"]), (Rights.MineScale.Small, ["small", "小型"])));
        return row;
    }

    /// <summary>A refusal of a use case as problems of this row, one per field it names, the field mapped to its column.</summary>
    public void Refused(RefusalException refusal)
    {
        if (refusal.Errors.Count == 0)
        {
            Problem("licenseNumber", refusal.Message, refusal.DetailZh ?? refusal.Message, refusal.RuleId);
            return;
        }

        foreach (var (field, messages) in refusal.Errors)
        {
            var column = FieldColumns.GetValueOrDefault(field) ?? (ImportColumn.All.Any(c => c.Key == field) ? field : "licenseNumber");

            // A refusal of several fields writes one Chinese text for all of them.
            Problem(column, string.Join(" ", messages), refusal.DetailZh ?? string.Join(" ", messages), refusal.RuleId);
        }
    }

    public void Problem(string column, string message, string messageZh, string? ruleId = null)
    {
        var heading = ImportColumn.All.First(c => c.Key == column);
        problems.Add(new ImportProblem(Line.Row, column, heading.Zh, message, messageZh, ruleId));
    }

    private string? Language()
    {
        var value = Line["holderLanguage"];
        return value switch
        {
            "中文" or "zh" or "zh-cn" or "zh-CN" => "zh-CN",
            "英文" or "English" or "en" => "en",
            _ => value,
        };
    }

    private decimal? Area()
    {
        var value = Line["areaKm2"];
        if (value is null)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var area))
        {
            return area;
        }

        Problem("areaKm2", $"'{Text.Cut(value)}' is not an area in km².", $"“{Text.Cut(value)}”不是以平方千米为单位的面积。");
        return null;
    }

    private DateOnly? Date(string column)
    {
        var value = Line[column];
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(column, $"'{Text.Cut(value)}' is not a date: write it as 2024-03-01.", $"“{Text.Cut(value)}”不是日期：请按 2024-03-01 的格式填写。");
        return null;
    }

    private T? Choice<T>(string column, string expected, string expectedZh, params (T Value, string[] Names)[] choices)
        where T : struct
    {
        var value = Line[column];
        if (value is null)
        {
            return null;
        }

        foreach (var (choice, names) in choices)
        {
            if (names.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        Problem(column, $"'{Text.Cut(value)}' is not one of {expected}.", $"“{Text.Cut(value)}”不是{expectedZh}之一。");
        return null;
    }

    private double[][]? ReadCorners()
    {
        var notation = Choice("cornerNotation", "lonLat (经纬度) or gaussKruger (高斯-克吕格)", "经纬度或高斯-克吕格",
            (CornerNotation.LonLat, ["lonLat", "经纬度"]), (CornerNotation.GaussKruger, ["gaussKruger", "高斯-克吕格", "高斯克吕格"]));
        int? zone = null;
        if (Line["zone"] is { } zoneText)
        {
            if (int.TryParse(zoneText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                zone = parsed;
            }
            else
            {
                Problem("zone", $"'{Text.Cut(zoneText)}' is not a zone number.", $"“{Text.Cut(zoneText)}”不是带号。");
                return null;
            }
        }

        if (Line["corners"] is not { } text)
        {
            if (zone is not null || Line["cornerNotation"] is not null)
            {
                Problem("corners", "A notation or zone is given but no corners.", "填写了坐标形式或带号，但没有拐点坐标。");
            }

            return null;
        }

        try
        {
            return Ground.Corners.Parse(text, notation ?? (zone is null ? CornerNotation.LonLat : CornerNotation.GaussKruger), zone);
        }
        catch (RefusalException refusal)
        {
            Problem(zone is not null && refusal.Message.Contains("zone", StringComparison.Ordinal) && !refusal.Message.Contains("Corner", StringComparison.Ordinal) ? "zone" : "corners",
                refusal.Message, refusal.DetailZh ?? refusal.Message);
            return null;
        }
    }
}
