using MiningRights.Contracts;
using MiningRights.Web.Errors;
using MiningRights.Workflows;

namespace MiningRights.Web.Requests;

/// <summary>A relief claim (force majeure or a justified reason) as a form, read alike for the API and the right's page.</summary>
public static class ReliefClaimForm
{
    /// <summary>
    /// A claim sent as a form (by a client, or the right's page, whose own fields <paramref name="formOwn"/> names): its
    /// fields read as the JSON body's are, a value that is not a date or an id a 400 on its field.
    /// </summary>
    public static ClaimRelief.Request Read(IFormCollection form, params string[] formOwn)
    {
        var known = new[] { "ground", "duties", "periodFrom", "periodTo", "reason", "evidence" };
        if (form.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal) && !formOwn.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw RefusalException.Invalid(EchoedText.Shorten(unknown), $"A claim takes only: {string.Join(", ", known)}, and files in '{SignalInputs.FilesField}'.",
                $"申请仅接受以下字段：{string.Join(", ", known)}，以及“{SignalInputs.FilesField}”字段中的文件。");
        }

        var duties = new List<Guid>();
        foreach (var given in form["duties"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            duties.Add(Guid.TryParse(given, out var duty) ? duty : throw RefusalException.Invalid("duties", $"'{EchoedText.Shorten(given)}' is not an obligation id.", $"“{EchoedText.Shorten(given)}”不是义务编号。"));
        }

        return new ClaimRelief.Request(Text(form, "ground"), duties.Count == 0 ? null : duties, Date(form, "periodFrom"), Date(form, "periodTo"), Text(form, "reason"), Text(form, "evidence"));

        static string? Text(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } text ? text : null;

        static DateOnly? Date(IFormCollection form, string name) => Text(form, name) switch
        {
            null => null,
            var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) => date,
            var text => throw RefusalException.Invalid(name, $"'{EchoedText.Shorten(text)}' is not a date as yyyy-MM-dd.", $"“{EchoedText.Shorten(text)}”不是 yyyy-MM-dd 格式的日期。"),
        };
    }
}
