using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
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
                    ProblemResponses.DescribeMembers(schema);
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                operation.OperationId = OperationId(context.Description);
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<SignalForm>().FirstOrDefault() is { } form)
                {
                    operation.RequestBody = FormBodies.Signal(form, context.ApplicationServices.GetRequiredService<WorkflowRegistry>());
                }
                else if (metadata.OfType<JsonOrForm>().FirstOrDefault() is { } either)
                {
                    operation.RequestBody = FormBodies.JsonOrForm(either, await context.GetOrCreateSchemaAsync(either.JsonBody, null, ct));
                }
            });
            options.AddOperationTransformer(ProblemResponses.DescribeAsync);
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

    /// <summary>Endpoint metadata: a multipart body the handler reads itself, the file and a signal's declared values.</summary>
    public sealed record SignalForm(string FileField, string Signal);

    /// <summary>Endpoint metadata: a JSON body of a type, or a multipart form with evidence files, that the handler reads itself.</summary>
    public sealed record JsonOrForm(Type JsonBody, bool ValuesAsFields);
}
