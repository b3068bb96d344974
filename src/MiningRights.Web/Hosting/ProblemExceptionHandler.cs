using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data.Sqlite;
using MiningRights.Policies;

namespace MiningRights.Web.Hosting;

/// <summary>
/// Every error leaves as an RFC 7807 ProblemDetails: refusals with their rule and field errors, unreadable input
/// as 400 with the parser's reason, a lost race as 409, anything unexpected as 500 without internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RefusalException refusal => FromRefusal(refusal),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status400BadRequest : bad.StatusCode,
                Title = "The request could not be read",
                Detail = Describe(bad),
            },
            InvalidDataException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
                Detail = invalid.Message,
            },
            DbUpdateException update when update is DbUpdateConcurrencyException || SqliteDatabase.IsConflict(update) => new ProblemDetails
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
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromRefusal(RefusalException refusal)
    {
        var problem = new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Message };
        if (refusal.RuleId is not null)
        {
            problem.Extensions["ruleId"] = refusal.RuleId;
            if (PolicyCatalog.Find(refusal.RuleId) is { } rule)
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

    private static string Describe(BadHttpRequestException bad)
    {
        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json.Message.Contains("could not be converted", StringComparison.Ordinal) && json.Path is not null
                    ? $"The value at {json.Path} is not valid: expected {Expected(json.Message)}."
                    : $"The body is not valid JSON{(json.Path is null or "$" ? string.Empty : " at " + json.Path)}: {FirstSentence(json.Message)}";
            }
        }

        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            ? "A JSON body is required."
            : bad.Message;
    }

    /// <summary>What the parser wanted, in words a client understands rather than .NET type names.</summary>
    private static string Expected(string message) =>
        message switch
        {
            _ when message.Contains("DateOnly", StringComparison.Ordinal) => "a date as yyyy-MM-dd",
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
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
