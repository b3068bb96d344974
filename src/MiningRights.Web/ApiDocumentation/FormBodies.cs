using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using MiningRights.Workflows;

namespace MiningRights.Web.ApiDocumentation;

/// <summary>The request bodies the handlers read themselves, described for the API description: signal forms with files, and JSON or a form.</summary>
internal static class FormBodies
{
    /// <summary>
    /// The form: the file, and each value a loaded workflow's signal declares, with that workflow's type and limits. A
    /// value the right's own workflow does not declare is refused by the runtime, so no other fields are allowed.
    /// </summary>
    public static OpenApiRequestBody Signal(OpenApiSetup.SignalForm form, WorkflowRegistry registry)
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

    public static OpenApiRequestBody JsonOrForm(OpenApiSetup.JsonOrForm body, OpenApiSchema json)
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
}
