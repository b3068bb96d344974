using System.Globalization;
using MiningRights.Contracts;
using MiningRights.Web.Errors;

namespace MiningRights.Web.Pages.Contracts;

/// <summary>
/// A contract's installments and clauses as an officer types them, one a line, for the forms that sign, enter and
/// amend contracts: an installment "2026-06-30, 1200000"; a clause "number | kind | 中文 | English | due date | amount",
/// the last two optional. A line that does not read is refused on its field, naming the line.
/// </summary>
public static class ContractText
{
    public static SignContract.InstallmentRequest[]? Installments(string? text) =>
        Lines(text).Select((line, i) =>
        {
            var parts = line.Split([',', '，', ';', '；', '\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? new SignContract.InstallmentRequest(due, amount)
                : throw Refused("installments", i, line, "a due date and an amount, such as 2026-06-30, 1200000", "缴款期限和金额，例如 2026-06-30, 1200000");
        }).ToArray() is { Length: > 0 } installments ? installments : null;

    public static SignContract.ClauseRequest[]? Clauses(string? text) =>
        Lines(text).Select((line, i) =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 4 or > 6 || !Enum.TryParse<ClauseKind>(parts[1], ignoreCase: true, out var kind) || int.TryParse(parts[1], out _))
            {
                throw Refused("clauses", i, line, $"number | kind ({string.Join(", ", Enum.GetNames<ClauseKind>())}) | 中文 | English | due date | amount",
                    $"条款号 | 类型（{string.Join("、", Enum.GetNames<ClauseKind>())}）| 中文 | English | 期限 | 金额");
            }

            DateOnly? due = parts.Length > 4 && parts[4].Length > 0
                ? DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw Refused("clauses", i, line, "a due date as yyyy-MM-dd", "yyyy-MM-dd 格式的期限")
                : null;
            decimal? amount = parts.Length > 5 && parts[5].Length > 0
                ? decimal.TryParse(parts[5], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a
                    : throw Refused("clauses", i, line, "an amount in yuan", "以元为单位的金额")
                : null;
            return new SignContract.ClauseRequest(parts[0], kind, parts[2], parts[3], due, amount);
        }).ToArray() is { Length: > 0 } clauses ? clauses : null;

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static RefusalException Refused(string field, int index, string line, string expected, string expectedZh) =>
        RefusalException.Invalid(field, $"Line {index + 1}, '{EchoedText.Shorten(line)}', does not read: give {expected}.",
            $"第 {index + 1} 行“{EchoedText.Shorten(line)}”无法识别：请填写{expectedZh}。");
}
