using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Policies;

namespace MiningRights.Web.Errors;

/// <summary>
/// Every error leaves as an RFC 7807 ProblemDetails: refusals with their rule and field errors, unreadable input
/// as 400 with the parser's reason, a lost race as 409, anything unexpected as 500 without internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, DatabaseProvider database, Policies.PolicyBook policies, TimeProvider time, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Where the parser's own wording ends and its position report (not useful to a client) begins.</summary>
    private static readonly string[] PositionMarkers = [" Path:", " LineNumber:"];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RefusalException refusal => FromRefusal(refusal),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status400BadRequest : bad.StatusCode,
                Title = "The request could not be read",
                Detail = Describe(bad, httpContext.Request),
            },
            InvalidDataException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
                Detail = invalid.Message,
            },
            _ when database.IsUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database is busy or unavailable; nothing of this request was saved. Send it again in a moment.",
                Extensions = { ["detailZh"] = "数据库繁忙或暂不可用，本次请求未保存任何内容。请稍后重新提交。" },
            },
            DbUpdateException update when update is DbUpdateConcurrencyException || database.IsConflict(update) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Another change to the same item was committed first; nothing of this request was saved. Reload and try again.",
            },
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "The service failed to handle the request; nothing was saved. The error has been logged with the trace id.",
            };
        }
        else if (problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            logger.LogWarning("Refused ({Status}) {User} {Method} {Path}: {Detail}", problem.Status, httpContext.User.Identity?.Name, httpContext.Request.Method, httpContext.Request.Path, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private ProblemDetails FromRefusal(RefusalException refusal)
    {
        var problem = new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Message };
        if (refusal.DetailZh is not null)
        {
            problem.Extensions["detailZh"] = refusal.DetailZh;
        }
        if (refusal.RuleId is not null)
        {
            problem.Extensions["ruleId"] = refusal.RuleId;
            if (policies.Knows(refusal.RuleId) && policies.Describe(refusal.RuleId, Time.ProvinceCalendar.China.DateAt(time.GetUtcNow())) is { } rule)
            {
                problem.Extensions["ruleSource"] = rule.SourceEn;
                problem.Extensions["ruleSourceZh"] = rule.SourceZh;
            }
        }

        if (refusal.Errors.Count > 0)
        {
            problem.Extensions["errors"] = refusal.Errors;
        }

        return problem;
    }

    /// <summary>The framework's reason in words for a client: the parameter and what it wants, never a .NET type name.</summary>
    private static string Describe(BadHttpRequestException bad, HttpRequest request)
    {
        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return Describe(json, request);
            }
        }

        var message = bad.Message;
        if (BindingFailed().Match(message) is { Success: true } failed)
        {
            return $"The value of '{failed.Groups["name"].Value}' is not valid: expected {InWords(failed.Groups["type"].Value)}, got '{EchoedText.Shorten(failed.Groups["value"].Value)}'.";
        }

        if (RequiredMissing().Match(message) is { Success: true } missing && missing.Groups["source"].Value != "body")
        {
            return $"'{missing.Groups["name"].Value}' is required ({missing.Groups["source"].Value}).";
        }

        return message switch
        {
            _ when message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || message.StartsWith("Required parameter", StringComparison.Ordinal) => "A JSON body is required.",
            _ when message.StartsWith("Expected a supported JSON media type", StringComparison.Ordinal) => "Send the body as application/json.",
            _ when message.StartsWith("Expected a supported form media type", StringComparison.Ordinal) => "Send the body as multipart/form-data.",
            _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            _ => "The request could not be read: see /openapi/v1.json for what this endpoint expects.",
        };
    }

    private static string Describe(JsonException json, HttpRequest request)
    {
        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
        {
            // With UnmappedMemberHandling.Disallow the serializer refuses a property as soon as it has read its name,
            // before it knows whether the rest of the body is JSON at all: {"userName":"a","pass": is a truncated
            // body, not an unknown property. So the body, kept by BodyLimitMiddleware, is checked as a whole first.
            return SyntaxError(request) is { } syntax
                ? $"The body is not valid JSON: {syntax}"
                : $"The body has a property '{EchoedText.Shorten(unmapped.Groups["name"].Value)}' that this request does not know (see /openapi/v1.json for its fields).";
        }

        return json.Message.Contains("could not be converted", StringComparison.Ordinal) && json.Path is not null
            ? $"The value at {json.Path} is not valid: expected {Expected(json.Message)}."
            : $"The body is not valid JSON{(json.Path is null or "$" ? string.Empty : " at " + json.Path)}: {FirstSentence(json.Message)}";
    }

    /// <summary>Why the buffered body is not JSON, or null when it is (or is not at hand).</summary>
    private static string? SyntaxError(HttpRequest request)
    {
        if (request.Body is not MemoryStream buffered)
        {
            return null;
        }

        var reader = new Utf8JsonReader(buffered.ToArray(), isFinalBlock: true, state: default);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return FirstSentence(ex.Message);
        }
    }

    /// <summary>What a query or route parameter of the named type holds, in words.</summary>
    private static string InWords(string type) =>
        type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?').ToLowerInvariant() switch
        {
            "int" or "long" or "short" or "int32" or "int64" => "a whole number",
            "decimal" or "double" or "float" => "a number",
            "guid" => "an id (GUID)",
            "dateonly" => "a date as yyyy-MM-dd",
            "datetime" or "datetimeoffset" => "a date and time (ISO 8601)",
            "bool" or "boolean" => "true or false",
            _ => "a value of the documented type (see /openapi/v1.json)",
        };

    /// <summary>What the parser wanted, in words a client understands rather than .NET type names.</summary>
    private static string Expected(string message) =>
        message switch
        {
            _ when message.Contains("DateOnly", StringComparison.Ordinal) => "a date as yyyy-MM-dd",
            _ when message.Contains("DateTimeOffset", StringComparison.Ordinal) => "a date and time (ISO 8601)",
            _ when message.Contains("Guid", StringComparison.Ordinal) => "an id (GUID)",
            _ when message.Contains("Decimal", StringComparison.Ordinal) || message.Contains("Int32", StringComparison.Ordinal) => "a number",
            _ when message.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when message.Contains("String[]", StringComparison.Ordinal) => "a list of strings",
            _ when EnumNames(message) is { } names => "one of " + names,
            _ => "a value of the documented type (see /openapi/v1.json)",
        };

    private static string? EnumNames(string message)
    {
        foreach (var type in typeof(RefusalException).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            if (message.Contains(type.FullName!, StringComparison.Ordinal))
            {
                return string.Join(", ", Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
            }
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        foreach (var marker in PositionMarkers)
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd(' ', '|');
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("""^The JSON property '(?<name>.*)' could not be mapped to any \.NET member""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();
}
