using System.Net;
using System.Text.Json.Nodes;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>Every refusal must be an RFC 7807 ProblemDetails that says why: a status, and a detail or field errors.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var (problem, body) = await ReadProblemAsync(response, expected);
        var hasDetail = problem["detail"] is JsonValue detail && !string.IsNullOrWhiteSpace(detail.GetValue<string>());
        var hasErrors = problem["errors"] is JsonObject { Count: > 0 };
        Assert.True(hasDetail || hasErrors, $"The problem says neither a detail nor field errors: {body}");
        return problem;
    }

    /// <summary>A 401 or 403 from the authorization layer: a ProblemDetails that says why like any other.</summary>
    public static Task<JsonObject> ReadDenialAsync(HttpResponseMessage response, HttpStatusCode expected) => ReadAsync(response, expected);

    private static async Task<(JsonObject Problem, string Body)> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.True(
            string.Equals(response.Content.Headers.ContentType?.MediaType, "application/problem+json", StringComparison.Ordinal),
            $"Expected application/problem+json, got '{response.Content.Headers.ContentType}': {body}");

        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        return (problem, body);
    }

    public static string Detail(JsonObject problem) => problem["detail"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The field errors, which must include every one of <paramref name="fields"/>.</summary>
    public static JsonObject Errors(JsonObject problem, params string[] fields)
    {
        var errors = Assert.IsType<JsonObject>(problem["errors"]);
        foreach (var field in fields)
        {
            Assert.True(errors.ContainsKey(field), $"No error for '{field}' in {errors.ToJsonString()}");
            Assert.NotEmpty(errors[field]!.AsArray());
        }

        return errors;
    }
}
