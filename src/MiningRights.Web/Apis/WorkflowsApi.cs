using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

public static class WorkflowsApi
{
    public sealed record DefinitionSummary(string Id, int Version, string TitleZh, string TitleEn, string Subject, IReadOnlyList<string> Rules, string Province, DateOnly ValidFrom, DateOnly ValidUntil, string File, string ContentHash);

    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization();
        group.MapGet("/definitions", ListDefinitions).WithSummary("The workflow definitions loaded at start.");
        group.MapGet("/definitions/{id}/{version:int}", GetDefinition).WithSummary("One definition as loaded (JSON).");
        group.MapGet("/instances/{id:guid}", GetInstanceAsync).WithSummary("An instance with its subject, dates, values, the signals its state takes, and its journal.");
        group.MapPost("/instances/{id:guid}/signals/{signal}", SignalAsync)
            .WithSummary("Send a signal with a note and the values its definition declares (report a duty, record findings, order a rectification, dispose of a case); the definition says who may send it, and when.");
    }

    public static Ok<List<DefinitionSummary>> ListDefinitions(WorkflowRegistry registry) =>
        TypedResults.Ok(registry.Definitions.Select(d => new DefinitionSummary(
            d.Definition.Id, d.Definition.Version, d.Definition.Title.Zh, d.Definition.Title.En, d.Definition.Subject, d.Definition.Rules,
            d.Definition.Province, d.Definition.ValidFrom, d.Definition.ValidUntil, d.File, d.ContentHash)).ToList());

    public static ContentHttpResult GetDefinition(string id, int version, WorkflowRegistry registry) =>
        registry.Versions(id).FirstOrDefault(d => d.Definition.Version == version) is { } found
            ? TypedResults.Text(found.Json, "application/json")
            : throw RefusalException.NotFound($"Workflow {Text.Cut(id)} v{version}");

    public static async Task<Ok<InstanceView>> SignalAsync(Guid id, string signal, SendSignal.Request request, SendSignal handler, InstanceQueries queries, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, signal, request, context.Current(), ct);
        return TypedResults.Ok(await queries.GetAsync(context.Current().Actor, id, ct));
    }

    public static async Task<Ok<InstanceView>> GetInstanceAsync(Guid id, InstanceQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current().Actor, id, ct));
}
