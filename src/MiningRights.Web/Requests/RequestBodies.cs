using MiningRights.Storage;
using MiningRights.Web.Errors;

namespace MiningRights.Web.Requests;

/// <summary>
/// Bodies an endpoint reads itself because it takes either JSON or a multipart form with files (a plan, a report with
/// its evidence, a relief claim with its certificates). What cannot be read is a 400 that says why, never a 500.
/// </summary>
public static class RequestBodies
{
    /// <summary>
    /// The antiforgery token a form signed in by the cookie carries (see <see cref="Security.CookieApiAntiforgeryMiddleware"/>):
    /// checked before the endpoint runs, and never one of the values a form sends.
    /// </summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    private const int MaxFileNameLength = 255;

    /// <summary>
    /// The multipart form, or a 400 on <paramref name="field"/> saying why it cannot be read. The form reader throws plain
    /// .NET exceptions for a body cut off before its closing boundary or a boundary that is missing or too long; those are
    /// the client's mistakes, not the service's, and must not surface as a 500.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, string field, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            throw RefusalException.Invalid(field, $"The upload could not be read: {ex.Message}", $"无法读取上传内容：{ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException || (ex is IOException && ex is not BadHttpRequestException))
        {
            throw RefusalException.Invalid(field,
                "The upload could not be read: the multipart body is incomplete or does not match the boundary its content type names. " +
                $"Send multipart/form-data with the files in '{field}'.",
                "无法读取上传内容：multipart 请求体不完整，或与其内容类型所声明的分隔边界（boundary）不符。" +
                $"请以 multipart/form-data 格式发送，并将文件放在“{field}”字段中。");
        }

        return NulCharacterMiddleware.FieldWithNul(form) is { } withNul ? throw NulCharacterMiddleware.Refusal(withNul) : form;
    }

    /// <summary>The files sent in <paramref name="field"/>; a file in any other field, or with an overlong name, is a 400.</summary>
    public static IReadOnlyList<Upload> Files(IFormCollection form, string field)
    {
        if (form.Files.FirstOrDefault(f => f.Name != field) is { } stray)
        {
            throw RefusalException.Invalid(EchoedText.Shorten(stray.Name), $"Files are sent in '{field}'; this request takes no file in '{EchoedText.Shorten(stray.Name)}'.",
                $"文件应放在“{field}”字段中发送；本请求不接受“{EchoedText.Shorten(stray.Name)}”字段中的文件。");
        }

        if (form.Files.FirstOrDefault(f => f.FileName.Length > MaxFileNameLength) is not null)
        {
            throw RefusalException.Invalid(field, $"A file name is longer than {MaxFileNameLength} characters.", $"有文件的文件名超过 {MaxFileNameLength} 个字符。");
        }

        return form.Files.GetFiles(field).Select(f => new Upload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
    }

    /// <summary>
    /// The form's text fields but <paramref name="except"/> and the antiforgery token, each as one value (repeated values
    /// joined by commas); a name is cut as a JSON body's would be, so a refusal never echoes a long one.
    /// </summary>
    public static Dictionary<string, string?> Fields(IFormCollection form, params string[] except)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in form.Keys.Where(k => k != AntiforgeryField && !except.Contains(k, StringComparer.Ordinal)))
        {
            fields[Text.Cut(key)] = form[key].ToString();
        }

        return fields;
    }

    /// <summary>
    /// The JSON body as <typeparamref name="T"/>, or null when there is none. Read with the service's JSON settings; a body
    /// that is not JSON, or not of this shape, is the 400 the framework's own binding gives.
    /// </summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            throw RefusalException.Invalid("body", "Send the body as application/json, or as multipart/form-data with files.",
                "请求体应以 application/json 格式发送；附带文件时应以 multipart/form-data 格式发送。");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new BadHttpRequestException("The request body could not be read as JSON.", StatusCodes.Status400BadRequest, ex);
        }
    }
}
