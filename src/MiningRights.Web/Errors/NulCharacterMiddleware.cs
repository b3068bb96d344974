using System.Text.Json;

namespace MiningRights.Web.Errors;

/// <summary>
/// Refuses text holding a NUL character (U+0000) wherever a request carries it before an endpoint reads it: the query
/// string and a JSON body (any string or member name, at any depth, free-form signal values included). No value of the
/// service is meant to hold one, and PostgreSQL can neither store it in text nor take it as a query parameter: a sign-in
/// or a filter with <c>%00</c> was a 500 there (and was stored as given on SQLite). A multipart form is checked where it
/// is read (<see cref="Requests.RequestBodies.ReadFormAsync"/>), so that a broken one keeps its own answer; a URL-encoded form
/// with a NUL the framework's form reader refuses itself. Runs after <see cref="BodyLimitMiddleware"/>, which has read a
/// JSON body into memory.
/// </summary>
public sealed class NulCharacterMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var field = request.Query.FirstOrDefault(q => HasNul(q.Key) || q.Value.Any(HasNul)).Key
            ?? (request.HasJsonContentType() ? InJson(request) : null);
        return field is null ? next(context) : throw Refusal(field);
    }

    /// <summary>The refusal of a NUL in <paramref name="field"/>, named as the caller wrote it (cut if long, without the NUL).</summary>
    public static RefusalException Refusal(string field)
    {
        var name = EchoedText.Shorten(field.Replace("\0", string.Empty, StringComparison.Ordinal));
        return RefusalException.Invalid(name,
            $"'{name}' contains a NUL character (U+0000), which no text the service keeps may hold. Remove it and send the request again.",
            $"“{name}”中含有空字符（NUL，U+0000），本系统保存的文本不得包含该字符。请删除后重新提交。");
    }

    public static bool HasNul(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>The field whose name or value, or the file field whose file name, holds a NUL character; or null.</summary>
    public static string? FieldWithNul(IFormCollection form) =>
        form.FirstOrDefault(f => HasNul(f.Key) || f.Value.Any(HasNul)).Key
        ?? form.Files.FirstOrDefault(f => HasNul(f.Name) || HasNul(f.FileName))?.Name;

    /// <summary>
    /// The member whose name or string value holds a NUL, or null. A body that is not JSON is left to the endpoint,
    /// whose parser says what is wrong with it.
    /// </summary>
    private static string? InJson(HttpRequest request)
    {
        if (request.Body is not MemoryStream buffered || buffered.Length == 0)
        {
            return null;
        }

        // Only the escape \u0000 brings a NUL into JSON (a raw NUL byte is not JSON at all), so a body without those six
        // characters, nearly every body, is not read a second time.
        var body = buffered.GetBuffer().AsSpan(0, (int)buffered.Length);
        if (body.IndexOf("\\u0000"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var member = "body";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    member = reader.GetString()!;
                    if (reader.ValueIsEscaped && HasNul(member))
                    {
                        return member;
                    }
                }
                else if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && HasNul(reader.GetString()))
                {
                    return member;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate cannot be made a string: the endpoint's parser refuses it in its own words.
            return null;
        }

        return null;
    }
}
