using System.Globalization;
using Microsoft.Net.Http.Headers;
using MiningRights.Deadlines;
using MiningRights.Time;

namespace MiningRights.Web.Localization;

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

    /// <summary>
    /// What the reader typed into <paramref name="field"/> of the form just sent to <paramref name="handler"/> (and, for a
    /// signal form, for <paramref name="signal"/>), so a page shown again after a refusal keeps it; null on any other
    /// request and for any other form of the page.
    /// </summary>
    public string? Posted(string field, string handler, string? signal = null)
    {
        var request = accessor.HttpContext?.Request;
        if (request is null || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !string.Equals(request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var form = request.Form;
        return signal is not null && form["signal"] != signal ? null : form[field].FirstOrDefault();
    }

    /// <summary>Whether <paramref name="value"/> was among the values posted to <paramref name="field"/> (a checkbox, a choice) of that form.</summary>
    public bool WasPosted(string field, string value, string handler) =>
        Posted(field, handler) is not null && accessor.HttpContext!.Request.Form[field].Contains(value);

    public string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Time(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ProvinceCalendar.China.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Yuan(decimal amount) => IsEnglish ? MiningRights.Yuan.En(amount) : MiningRights.Yuan.Zh(amount);

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
