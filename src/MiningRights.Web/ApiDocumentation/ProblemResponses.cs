using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MiningRights.Web.ApiDocumentation;

/// <summary>The RFC 7807 problems in the API description: the members they carry and the statuses each operation can answer with.</summary>
internal static class ProblemResponses
{
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>
    /// The members the service's problems carry besides RFC 7807's own (<see cref="Errors.ProblemExceptionHandler"/> and the
    /// <c>AddProblemDetails</c> customisation). The serializer's schema says "no other members" because it does not see
    /// <see cref="ProblemDetails.Extensions"/>; RFC 7807 allows extensions, so others are not forbidden either.
    /// </summary>
    public static void DescribeMembers(OpenApiSchema schema)
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
    /// The problems an operation can answer with, as <c>application/problem+json</c>: 400 always (unreadable input); 401
    /// and 403 unless it is open to everyone; 404 where it addresses an item; 409 and 422 for changes a signed-in user
    /// makes (a lost race, a rule's refusal). What an endpoint declares itself (sign-in's 401) is kept.
    /// </summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
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
}
