using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MiningRights.Workflows;

namespace MiningRights.Web.ApiDocumentation;

/// <summary>
/// The API description (<c>/openapi/v1.json</c>), so that a client generated from it is right: every request and answer
/// type has a schema of its own, enums are string enums with their values, every operation has a stable unique id
/// and names the RFC 7807 problems it can answer with.
/// </summary>
public static class OpenApiSetup
{
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>
    /// Describes the endpoint's body as a <c>multipart/form-data</c> form that the handler reads itself: a file in
    /// <paramref name="fileField"/> and the values the workflows' <paramref name="signal"/> declares, read from the loaded
    /// definitions, so that an input added to a workflow file shows here without code. Unlike <c>Accepts</c> it does not
    /// make routing refuse other content types with 415: the handler answers a body it cannot use with a 400 that says why.
    /// </summary>
    public static RouteHandlerBuilder DescribedAsSignalForm(this RouteHandlerBuilder builder, string fileField, string signal) =>
        builder.WithMetadata(new SignalForm(fileField, signal));

    /// <summary>A <c>multipart/form-data</c> body with one file in <paramref name="fileField"/> and no other value (a signal no workflow declares).</summary>
    public static RouteHandlerBuilder DescribedAsFileForm(this RouteHandlerBuilder builder, string fileField) =>
        builder.WithMetadata(new SignalForm(fileField, string.Empty));

    /// <summary>
    /// Describes a body the handler reads itself as either JSON of <paramref name="jsonBody"/> or a multipart form with
    /// evidence files in <c>files</c>: the form has the JSON body's fields, or, with <paramref name="valuesAsFields"/>
    /// (a signal), its note and each value the signal declares as a field of its own.
    /// </summary>
    public static RouteHandlerBuilder DescribedAsJsonOrForm(this RouteHandlerBuilder builder, Type jsonBody, bool valuesAsFields) =>
        builder.WithMetadata(new JsonOrForm(jsonBody, valuesAsFields));

    /// <summary>
    /// The document and the Swagger UI. They name every operation, parameter and rule of the service, so outside
    /// Development only administrators read them, unless <c>Api:OpenDescription</c> opens them to anyone. Placed after
    /// authentication (the account check included), before authorization: the UI is middleware, not an endpoint.
    /// </summary>
    public static void UseApiDescription(this WebApplication app)
    {
        var open = app.Configuration.GetValue<bool?>("Api:OpenDescription") ?? app.Environment.IsDevelopment();
        var document = app.MapOpenApi();
        if (open)
        {
            document.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(policy => policy.RequireRole(Accounts.Roles.Admin));
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments("/openapi"), branch =>
        {
            if (!open)
            {
                // The UI's own files; the document is an endpoint and is authorized as one.
                branch.Use((context, next) =>
                {
                    if (context.GetEndpoint() is not null || context.User.IsInRole(Accounts.Roles.Admin))
                    {
                        return next(context);
                    }

                    context.Response.StatusCode = context.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                });
            }

            branch.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/openapi/v1.json", "MiningRights API v1");
                options.RoutePrefix = "openapi";
                options.DocumentTitle = "MiningRights API 矿业权管理接口";
            });
        });
    }

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            var named = new ConcurrentDictionary<string, Type>(StringComparer.Ordinal);
            // T? is shown as T's schema or null, so it shares T's name.
            options.CreateSchemaReferenceId = type => Unique(SchemaName(type), Nullable.GetUnderlyingType(type.Type) ?? type.Type, named);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type.IsEnum)
                {
                    // The exporter lists the names the string converter writes, but not the type.
                    schema.Type = JsonSchemaType.String;
                }
                else if (type == typeof(ProblemDetails))
                {
                    DescribeProblemMembers(schema);
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                operation.OperationId = OperationId(context.Description);
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<SignalForm>().FirstOrDefault() is { } form)
                {
                    operation.RequestBody = FormBody(form, context.ApplicationServices.GetRequiredService<WorkflowRegistry>());
                }
                else if (metadata.OfType<JsonOrForm>().FirstOrDefault() is { } either)
                {
                    operation.RequestBody = JsonOrFormBody(either, await context.GetOrCreateSchemaAsync(either.JsonBody, null, ct));
                }
            });
            options.AddOperationTransformer(DescribeProblemsAsync);
        });

    /// <summary>
    /// A use case's nested <c>Request</c> is named after its use case (<c>SubmitPlan.Request</c> → <c>SubmitPlanRequest</c>),
    /// or every request body would share one schema; types nested in an API class keep their own name. Generic types are
    /// named by the framework from their arguments (<c>Page&lt;RightView&gt;</c> → <c>PageOfRightView</c>).
    /// </summary>
    private static string? SchemaName(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        var declaring = type.Type.DeclaringType;
        return name is null || declaring is null || declaring.Name.EndsWith("Api", StringComparison.Ordinal) ? name : declaring.Name + name;
    }

    /// <summary>
    /// The framework puts two types that get one name into one schema, the first one it meets, without a word: a client
    /// would then send one type's fields for the other. Refused instead, so the document cannot be served until one of
    /// the types is renamed.
    /// </summary>
    private static string? Unique(string? name, Type type, ConcurrentDictionary<string, Type> named)
    {
        if (name is not null && named.GetOrAdd(name, type) is var first && first != type)
        {
            throw new InvalidOperationException(
                $"The schema name '{name}' would be shared by {first.FullName} and {type.FullName}, and the API description would show one as the other. Rename one of them.");
        }

        return name;
    }

    /// <summary><c>Plans_Submit</c> from <c>PlansApi.SubmitAsync</c>: the handler's class and name, stable and unique.</summary>
    private static string OperationId(ApiDescription description)
    {
        var handler = description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (handler?.DeclaringType is { } type && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
        {
            var method = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^"Async".Length] : handler.Name;
            var area = type.Name.EndsWith("Api", StringComparison.Ordinal) ? type.Name[..^"Api".Length] : type.Name;
            return $"{area}_{method}";
        }

        return $"{description.HttpMethod}_{description.RelativePath}".Replace('/', '_').Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// The members the service's problems carry besides RFC 7807's own (<see cref="ProblemExceptionHandler"/> and the
    /// <c>AddProblemDetails</c> customisation). The serializer's schema says "no other members" because it does not see
    /// <see cref="ProblemDetails.Extensions"/>; RFC 7807 allows extensions, so others are not forbidden either.
    /// </summary>
    private static void DescribeProblemMembers(OpenApiSchema schema)
    {
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Properties["traceId"] = Text("The id the request is logged under.");
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "What is wrong with each field, by the field's name.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["ruleId"] = Text("The rule a refusal is made under, e.g. GS-9d.");
        schema.Properties["ruleSource"] = Text("Where that rule is written.");
        schema.Properties["ruleSourceZh"] = Text("Where that rule is written, in Chinese.");
        schema.Properties["detailZh"] = Text("The reason in Simplified Chinese (detail is the English).");

        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
    }

    /// <summary>
    /// The form: the file, and each value a loaded workflow's signal declares, with that workflow's type and limits. A
    /// value the right's own workflow does not declare is refused by the runtime, so no other fields are allowed.
    /// </summary>
    private static OpenApiRequestBody FormBody(SignalForm form, WorkflowRegistry registry)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            [form.FileField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        };
        var declared = registry.Definitions.Select(d => d.Definition)
            .Where(d => d.Signals.ContainsKey(form.Signal))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenByDescending(d => d.Version)
            .SelectMany(d => d.Signals[form.Signal].Inputs.Select(i => (Workflow: d.Id, Name: i.Key, Input: i.Value)));
        foreach (var values in declared.GroupBy(d => d.Name, StringComparer.Ordinal))
        {
            var input = values.First().Input;
            var schema = InputSchema(input);
            var workflows = string.Join(", ", values.Select(v => v.Workflow).Distinct(StringComparer.Ordinal));
            schema.Description = $"{input.Label.En} ({input.Label.Zh}). Declared by workflow {workflows}"
                + (values.Any(v => v.Input.Required) ? ", which requires it" : string.Empty)
                + "; refused for a right whose workflow does not declare it.";
            properties[values.Key] = schema;
        }

        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = properties,
                        Required = new HashSet<string>(StringComparer.Ordinal) { form.FileField },
                        AdditionalPropertiesAllowed = false,
                    },
                },
            },
        };
    }

    private static OpenApiRequestBody JsonOrFormBody(JsonOrForm body, OpenApiSchema json)
    {
        var files = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            Description = "Evidence files: PDF, Word, OFD, ZIP, JPEG or PNG, each checked against its content; where the request's workflow takes them.",
        };
        var form = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) };
        if (body.ValuesAsFields)
        {
            form.Properties["note"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 2000 };
            form.AdditionalPropertiesAllowed = true;
            form.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Each value the signal declares, by its name (see the workflow definition)." };
        }
        else
        {
            foreach (var (name, property) in json.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                form.Properties[name] = property;
            }

            form.AdditionalPropertiesAllowed = false;
        }

        form.Properties[SignalInputs.FilesField] = files;
        return new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = json },
                ["multipart/form-data"] = new() { Schema = form },
            },
        };
    }

    private static OpenApiSchema InputSchema(SignalInput input) => input.Type switch
    {
        "date" => new() { Type = JsonSchemaType.String, Format = "date" },
        "integer" => new() { Type = JsonSchemaType.Integer, Minimum = Number(input.Min), Maximum = Number(input.Max) },
        "decimal" => new() { Type = JsonSchemaType.Number, Minimum = Number(input.Min), Maximum = Number(input.Max) },
        "choice" => new() { Type = JsonSchemaType.String, Enum = input.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() },
        _ => new() { Type = JsonSchemaType.String, MaxLength = input.MaxLength ?? SignalInputs.DefaultMaxLength },
    };

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The problems an operation can answer with, as <c>application/problem+json</c>: 400 always (unreadable input); 401
    /// and 403 unless it is open to everyone; 404 where it addresses an item; 409 and 422 for changes a signed-in user
    /// makes (a lost race, a rule's refusal). What an endpoint declares itself (sign-in's 401) is kept.
    /// </summary>
    private static async Task DescribeProblemsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var open = metadata.OfType<IAllowAnonymous>().Any();
        var change = !open && context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        var item = context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var statuses = new List<(int Status, string Description)> { (400, "The request could not be read or a field is invalid.") };
        if (!open)
        {
            statuses.Add((401, "Not signed in."));
            statuses.Add((403, "The role or jurisdiction may not do this."));
        }

        if (item)
        {
            statuses.Add((404, "No such item, or not yours to see."));
        }

        if (change)
        {
            statuses.Add((409, "Another change to the same item was committed first; nothing was saved."));
            statuses.Add((422, "Refused by a rule (the problem names the rule and its source)."));
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, description) in statuses)
        {
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            });
        }
    }

    /// <summary>Endpoint metadata: a multipart body the handler reads itself, the file and a signal's declared values.</summary>
    public sealed record SignalForm(string FileField, string Signal);

    /// <summary>Endpoint metadata: a JSON body of a type, or a multipart form with evidence files, that the handler reads itself.</summary>
    public sealed record JsonOrForm(Type JsonBody, bool ValuesAsFields);
}
