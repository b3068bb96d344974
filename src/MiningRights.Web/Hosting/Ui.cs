using System.Globalization;
using Microsoft.Net.Http.Headers;
using MiningRights.Deadlines;

namespace MiningRights.Web.Hosting;

/// <summary>
/// What a page says, in the reader's language: the one chosen with the switch (remembered in a cookie), else the
/// first of the browser's <c>Accept-Language</c> the service speaks, else Chinese. Dates are the province's
/// (Asia/Shanghai); money is yuan with separators.
/// </summary>
public sealed class Ui(IHttpContextAccessor accessor)
{
    public const string Cookie = "lang";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public string Language { get; } = Choose(accessor.HttpContext?.Request);

    public bool IsEnglish => Language == English;

    /// <summary>The text in the reader's language.</summary>
    public string T(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>
    /// A refusal as a page shows it: its reason in the reader's language with the field errors in English, or in Chinese
    /// its Chinese reason alone (which says what each field error says).
    /// </summary>
    public (string Message, IReadOnlyDictionary<string, string[]> Errors) Refusal(RefusalException refusal) =>
        IsEnglish || refusal.DetailZh is null
            ? (refusal.Message, refusal.Errors)
            : (refusal.DetailZh, new Dictionary<string, string[]>());

    public string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Time(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ProvinceCalendar.China.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Yuan(decimal amount) => IsEnglish ? MiningRights.Contracts.Yuan.En(amount) : MiningRights.Contracts.Yuan.Zh(amount);

    public string Status(MiningRights.Rights.RightStatus status) => status switch
    {
        MiningRights.Rights.RightStatus.Active => T("有效", "In force"),
        MiningRights.Rights.RightStatus.Provisional => T("过渡期采矿许可证（两年）", "Provisional licence (two years)"),
        MiningRights.Rights.RightStatus.Lapsed => T("已失效", "Lapsed"),
        MiningRights.Rights.RightStatus.Expired => T("已到期", "Expired"),
        MiningRights.Rights.RightStatus.Withdrawn => T("已收回", "Withdrawn"),
        MiningRights.Rights.RightStatus.Suspended => T("暂停", "Suspended"),
        _ => status.ToString(),
    };

    public string Kind(MiningRights.Rights.RightKind kind) => kind switch
    {
        MiningRights.Rights.RightKind.Exploration => T("探矿权", "Exploration right"),
        MiningRights.Rights.RightKind.Mining => T("采矿权", "Mining right"),
        _ => kind.ToString(),
    };

    public string Mode(MiningRights.Rights.TransferMode mode) => mode switch
    {
        MiningRights.Rights.TransferMode.Tender => T("招标", "Tender"),
        MiningRights.Rights.TransferMode.Auction => T("拍卖", "Auction"),
        MiningRights.Rights.TransferMode.Listing => T("挂牌", "Listing"),
        MiningRights.Rights.TransferMode.Agreement => T("协议", "Agreement"),
        _ => mode.ToString(),
    };

    public string DaysLeft(int days) => days switch
    {
        < 0 => T($"已逾期 {-days} 天", $"{-days} days overdue"),
        0 => T("今天截止", "due today"),
        1 => T("还剩 1 天", "1 day left"),
        _ => T($"还剩 {days} 天", $"{days} days left"),
    };

    private static string Choose(HttpRequest? request)
    {
        if (request is null)
        {
            return Chinese;
        }

        if (request.Cookies.TryGetValue(Cookie, out var chosen) && chosen is Chinese or English)
        {
            return chosen;
        }

        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Chinese;
    }
}
