using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Web.Errors;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Shared;

/// <summary>
/// A page of the listing office whose forms each call one use case: taken, the reader is sent back with a fixed word
/// (<c>?done=</c>) naming what was done; refused, the page is shown again with the refusal in the reader's language,
/// its status, and every field as it was posted (<see cref="Posted"/>). A refusal as not found is the page an unknown
/// subject gets.
/// </summary>
public abstract class OfficeFormPage : PageModel
{
    public string? Message { get; protected set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>The form that was refused (its handler), so that only its fields are shown again and it stays open.</summary>
    public string? RefusedForm { get; private set; }

    /// <summary>The value the refused form posted for <paramref name="field"/>, else <paramref name="otherwise"/>.</summary>
    public string? Posted(string form, string field, string? otherwise = null) =>
        RefusedForm == form && Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : otherwise;

    /// <summary>Whether the refused form posted <paramref name="field"/> checked; else <paramref name="otherwise"/>.</summary>
    public bool PostedChecked(string form, string field, bool otherwise = false) =>
        RefusedForm == form ? Request.HasFormContentType && Request.Form[field].Any(v => v is "true" or "on") : otherwise;

    /// <summary>Runs <paramref name="act"/>; then where to go, or this page again through <paramref name="reload"/> (false: not found).</summary>
    protected async Task<IActionResult> ActAsync(string form, Func<Task<IActionResult>> act, Func<Task<bool>> reload)
    {
        try
        {
            return await act();
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = HttpContext.RequestServices.GetRequiredService<Ui>().Refusal(refusal);
            RefusedForm = form;
            return await reload() ? Page() : NotFound();
        }
        catch (RefusalException)
        {
            return NotFound();
        }
    }

    /// <summary>A posted number as the API's JSON would carry it: empty is none, anything else not a number is refused on its field.</summary>
    protected decimal? Number(string field)
    {
        var text = Request.Form[field].ToString().Trim();
        return text.Length == 0 ? null
            : decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
            : throw RefusalException.Invalid(field, $"'{EchoedText.Shorten(text)}' is not a number.", $"“{EchoedText.Shorten(text)}”不是数字。");
    }

    /// <summary>A posted date (yyyy-MM-dd): empty is none, anything else not a date is refused on its field.</summary>
    protected DateOnly? Date(string field)
    {
        var text = Request.Form[field].ToString().Trim();
        return text.Length == 0 ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value) ? value
            : throw RefusalException.Invalid(field, $"'{EchoedText.Shorten(text)}' is not a date as yyyy-MM-dd.", $"“{EchoedText.Shorten(text)}”不是 yyyy-MM-dd 格式的日期。");
    }

    /// <summary>A posted text: empty is none.</summary>
    protected string? Text(string field) => Request.Form[field].ToString() is { Length: > 0 } text ? text : null;

    /// <summary>A posted choice of an enumeration by its name: empty is none, an unknown name refused on its field.</summary>
    protected TEnum? Choice<TEnum>(string field) where TEnum : struct, Enum
    {
        var text = Request.Form[field].ToString().Trim();
        return text.Length == 0 ? null
            : Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
            : throw RefusalException.Invalid(field, $"'{EchoedText.Shorten(text)}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.",
                $"“{EchoedText.Shorten(text)}”不是可选值之一。");
    }

    /// <summary>A posted id: empty is none, anything else not an id refused on its field.</summary>
    protected Guid? Id(string field)
    {
        var text = Request.Form[field].ToString().Trim();
        return text.Length == 0 ? null
            : Guid.TryParse(text, out var value) ? value
            : throw RefusalException.Invalid(field, $"'{EchoedText.Shorten(text)}' is not an id.", $"“{EchoedText.Shorten(text)}”不是编号。");
    }
}
