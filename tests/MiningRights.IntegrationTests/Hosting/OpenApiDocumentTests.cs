using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Plans;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// A client generated from <c>/openapi/v1.json</c> must be right. Walked from the service's own endpoint list, so a new
/// endpoint is checked without touching this test: each write endpoint's body schema has every field its handler's body
/// type reads, no two types share a schema, the plan upload is a multipart form with a binary file and the values its
/// workflows declare, enums are string enums, operation ids are unique, and every operation names its problem answers,
/// whose schema has the members the service's problems carry.
/// </summary>
public sealed partial class OpenApiDocumentTests : IClassFixture<OpenApiDocumentTests.Described>
{
    private readonly Described _described;

    public OpenApiDocumentTests(Described described) => _described = described;

    [Fact]
    public void Every_write_endpoint_body_schema_has_the_fields_its_handler_reads()
    {
        var checkedBodies = 0;
        foreach (var (method, path, bodyType, contentType) in _described.WriteBodies)
        {
            var operation = _described.Operation(method, path);
            var body = operation["requestBody"]?["content"]?[contentType]?["schema"];
            Assert.True(body is not null, $"{method} {path}: no {contentType} request body in the document");
            var schema = _described.Resolve(body!);
            var properties = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
            foreach (var property in bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                Assert.True(properties.Contains(name), $"{method} {path}: body schema {body!["$ref"]} lacks '{name}' of {bodyType.Name} (has {string.Join(", ", properties)})");
            }

            checkedBodies++;
        }

        Assert.True(checkedBodies >= 10, $"only {checkedBodies} write endpoints with a body were found");
    }

    [Fact]
    public void No_two_body_types_share_a_schema_and_no_schema_is_called_just_Request()
    {
        var schemas = _described.Document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.DoesNotContain("Request", schemas);

        var byType = _described.WriteBodies
            .Select(b => (b.BodyType, Ref: _described.Operation(b.Method, b.Path)["requestBody"]!["content"]![b.ContentType]!["schema"]!["$ref"]?.GetValue<string>() ?? $"inline in {b.Method} {b.Path}"))
            .Distinct()
            .ToList();
        foreach (var group in byType.GroupBy(b => b.Ref))
        {
            Assert.True(group.Select(g => g.BodyType).Distinct().Count() == 1, $"{group.Key} is the schema of {string.Join(", ", group.Select(g => g.BodyType.FullName).Distinct())}");
        }

        Assert.Equal(byType.Select(b => b.BodyType).Distinct().Count(), byType.Select(b => b.Ref).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Two_types_that_would_get_one_schema_name_are_refused_rather_than_merged()
    {
        // The framework would silently give both types the schema of whichever it met first.
        var name = _described.Services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get("v1").CreateSchemaReferenceId;
        var json = new JsonSerializerOptions(JsonSerializerOptions.Web);

        Assert.Equal("ChangePasswordRequest", name(json.GetTypeInfo(typeof(ChangePassword.Request))));
        Assert.Equal("FormRequest", name(json.GetTypeInfo(typeof(FirstUseCase.Form.Request))));
        var refused = Assert.Throws<InvalidOperationException>(() => name(json.GetTypeInfo(typeof(SecondUseCase.Form.Request))));
        Assert.Contains(typeof(SecondUseCase.Form.Request).FullName!, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_upload_is_a_multipart_form_with_a_binary_file()
    {
        var operation = _described.Operation("POST", "/api/rights/{rightId}/plans");
        var form = _described.Resolve(operation["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!);
        var file = _described.Resolve(form["properties"]!["file"]!);
        Assert.Equal("string", file["type"]!.GetValue<string>());
        Assert.Equal("binary", file["format"]!.GetValue<string>());
        Assert.Contains("file", form["required"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Every other field is a value a workflow's submitPlan signal declares, as the workflow file declares it.
        var inputs = _described.Services.GetRequiredService<WorkflowRegistry>().Definitions
            .Where(d => d.Definition.Signals.ContainsKey(SubmitPlan.Signal))
            .SelectMany(d => d.Definition.Signals[SubmitPlan.Signal].Inputs)
            .ToList();
        Assert.Contains(inputs, i => i.Key == "serviceLifeYears");
        foreach (var (name, input) in inputs)
        {
            var field = form["properties"]?[name];
            Assert.True(field is not null, $"the plan form lacks '{name}' (has {string.Join(", ", form["properties"]!.AsObject().Select(p => p.Key))})");
            if (input.Type == "choice")
            {
                var values = field!["enum"] as JsonArray;
                Assert.True(values is not null, $"the plan form's '{name}' does not list the values {string.Join(", ", input.Values)}");
                Assert.Equal(input.Values, values.Select(v => v!.GetValue<string>()));
            }
        }

        Assert.Equal(inputs.Select(i => i.Key).Append("file").Distinct().Order(StringComparer.Ordinal), form["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Enums_are_string_enums_with_their_values()
    {
        var register = _described.Resolve(_described.Operation("POST", "/api/rights")["requestBody"]!["content"]!["application/json"]!["schema"]!);
        // Optional in the body (a missing kind is a field error, not a parse error): null or the enum.
        var property = register["properties"]!["kind"]!;
        var kind = _described.Resolve(property["oneOf"]?.AsArray().Single(s => s!["$ref"] is not null) ?? property);
        Assert.Equal("string", kind["type"]!.GetValue<string>());
        Assert.Equal(["exploration", "mining"], kind["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_operation_has_a_unique_id_and_a_problem_answer_for_unreadable_input()
    {
        var ids = new List<string>();
        foreach (var (path, method, operation) in _described.Operations())
        {
            var id = operation["operationId"]?.GetValue<string>();
            Assert.False(string.IsNullOrEmpty(id), $"{method} {path} has no operationId");
            ids.Add(id!);
            var problem = operation["responses"]?["400"]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
            Assert.Equal("#/components/schemas/ProblemDetails", problem);
            if (method is "post" && !path.StartsWith("/api/auth/login", StringComparison.Ordinal))
            {
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.NotNull(operation["responses"]!["422"]);
            }
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Sign_in_shows_its_token_and_its_refusal()
    {
        var responses = _described.Operation("POST", "/api/auth/login")["responses"]!;
        var token = responses["200"]?["content"]?["application/json"]?["schema"];
        Assert.True(token is not null, "sign-in shows no token in its 200 answer");
        Assert.NotNull(_described.Resolve(token)["properties"]?["accessToken"]);
        Assert.Equal("#/components/schemas/ProblemDetails", responses["401"]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_problem_schema_has_the_members_the_service_answers_with()
    {
        var schema = _described.Document["components"]!["schemas"]!["ProblemDetails"]!;
        Assert.NotEqual(false, schema["additionalProperties"]?.GetValue<bool>());
        var members = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "detail", "traceId", "errors", "ruleId", "ruleSource", "ruleSourceZh" }, members);

        var client = _described.CreateClient();
        var unreadable = await ProblemAssert.ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName = "" }), HttpStatusCode.BadRequest);
        var refused = await ProblemAssert.ReadAsync(await client.PostAsJsonAsync("/api/auth/login", new { userName = ServiceFactory.AdminUser, password = "not-the-password" }), HttpStatusCode.Unauthorized);
        foreach (var problem in new[] { unreadable, refused })
        {
            Assert.Subset(members, problem.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>Two use cases whose requests the naming rule would both call <c>FormRequest</c>.</summary>
    public static class FirstUseCase
    {
        public static class Form
        {
            public sealed record Request(string Name);
        }
    }

    /// <inheritdoc cref="FirstUseCase"/>
    public static class SecondUseCase
    {
        public static class Form
        {
            public sealed record Request(int Count);
        }
    }

    /// <summary>The document and the endpoint list of one running service, shared by the tests of this class.</summary>
    public sealed partial class Described : IDisposable
    {
        private readonly ServiceFactory _factory;

        public Described()
        {
            _factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
            var text = _factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)).GetAwaiter().GetResult();
            Document = JsonNode.Parse(text)!;
            WriteBodies = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                    .Where(method => method is "POST" or "PUT" or "PATCH" or "DELETE")
                    .SelectMany(method => endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                        .Where(accepts => accepts.RequestType is not null)
                        .Select(accepts => (method, Normalise(endpoint.RoutePattern.RawText!), accepts.RequestType!, accepts.ContentTypes[0]))))
                .Distinct()
                .ToList();
        }

        public JsonNode Document { get; }

        public IServiceProvider Services => _factory.Services;

        public IReadOnlyList<(string Method, string Path, Type BodyType, string ContentType)> WriteBodies { get; }

        public JsonNode Operation(string method, string path) =>
            Document["paths"]?[path]?[method.ToLowerInvariant()] ?? throw new Xunit.Sdk.XunitException($"{method} {path} is not in the document");

        public IEnumerable<(string Path, string Method, JsonNode Operation)> Operations() =>
            Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!)));

        public JsonNode Resolve(JsonNode schema) =>
            schema["$ref"]?.GetValue<string>() is { } reference
                ? Document["components"]!["schemas"]![reference["#/components/schemas/".Length..]] ?? throw new Xunit.Sdk.XunitException($"{reference} does not resolve")
                : schema;

        public HttpClient CreateClient() => _factory.CreateClient();

        public void Dispose() => _factory.Dispose();

        /// <summary><c>/api/rights/{rightId:guid}/plans/</c> as the document writes it: <c>/api/rights/{rightId}/plans</c>.</summary>
        private static string Normalise(string route) => "/" + Constraint().Replace(route, "{$1}").Trim('/');

        [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
        private static partial Regex Constraint();
    }
}
