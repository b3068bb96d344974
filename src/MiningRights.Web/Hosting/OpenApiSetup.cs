using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MiningRights.Web.Hosting;

/// <summary>
/// The API description (<c>/openapi/v1.json</c>), so that a client generated from it is right: every request and answer
/// type has a schema of its own, enums are string enums with their values, every operation has a stable unique id
/// and names the RFC 7807 problems it can answer with.
/// </summary>
public static class OpenApiSetup
{
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>
    /// Describes the endpoint's body as a <c>multipart/form-data</c> form of <typeparamref name="TForm"/>'s fields, for a
    /// handler that reads the form itself. Unlike <c>Accepts</c> it does not make routing refuse other content types with
    /// 415: the handler answers a body it cannot use with a 400 that says why.
    /// </summary>
    public static RouteHandlerBuilder DescribedAsForm<TForm>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new FormBody(typeof(TForm)));

    public static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type.IsEnum)
                {
                    schema.Type = JsonSchemaType.String;
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                operation.OperationId = OperationId(context.Description);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<FormBody>().FirstOrDefault() is { } form)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(form.Type, null, ct) },
                        },
                    };
                }
            });
            options.AddOperationTransformer(DescribeProblemsAsync);
        });

    /// <summary>
    /// A use case's nested <c>Request</c> is named after its use case (<c>SubmitPlan.Request</c> → <c>SubmitPlanRequest</c>),
    /// or every request body would share one schema; types nested in an API class keep their own name.
    /// </summary>
    private static string? SchemaName(JsonTypeInfo type)
    {
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        var declaring = type.Type.DeclaringType;
        return name is null || declaring is null || declaring.Name.EndsWith("Api", StringComparison.Ordinal) ? name : declaring.Name + name;
    }

    /// <summary><c>Plans_Submit</c> from <c>PlansApi.SubmitAsync</c>: the handler's class and name, stable and unique.</summary>
    private static string OperationId(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description)
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
    /// The problems an operation can answer with, as <c>application/problem+json</c>: 400 always (unreadable input); 401
    /// and 403 unless it is open to everyone; 404 where it addresses an item; 409 and 422 for changes (a lost race, a
    /// rule's refusal).
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
        var change = context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        var item = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
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
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            });
        }
    }

    /// <summary>Endpoint metadata: the form type that describes a multipart body the handler reads itself.</summary>
    public sealed record FormBody(Type Type);
}
