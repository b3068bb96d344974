using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

public static class WorkflowsApi
{
    public sealed record DefinitionSummary(string Id, int Version, string TitleZh, string TitleEn, string Subject, IReadOnlyList<string> Rules, string Province, DateOnly ValidFrom, DateOnly ValidUntil, string File, string ContentHash);

    private const string NoteField = "note";

    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization();
        group.MapGet("/definitions", ListDefinitions).WithSummary("The workflow definitions loaded at start.");
        group.MapGet("/definitions/{id}/{version:int}", GetDefinition).WithSummary("One definition as loaded (JSON).");
        group.MapGet("/queue", QueueAsync)
            .WithSummary($"What waits for you, soonest due first (at most {WorkQueue.MaxItems}): every running process you see whose state takes a step of your role that you may take, read from the definitions (an officer: plans, reports, relief claims, verification results, renewals, cases; a holder: its own).");
        group.MapGet("/instances/{id:guid}", GetInstanceAsync).WithSummary("An instance with its subject, dates, values, the signals its state takes, and its journal.");
        group.MapPost("/instances/{id:guid}/signals/{signal}", SignalAsync).OfferedOn("/workflows/instances/{id:guid}", "Signal")
            .DescribedAsJsonOrForm(typeof(SendSignal.Request), valuesAsFields: true)
            .WithSummary("Send a signal with a note and the values its definition declares (report a duty, record findings, order a rectification, dispose of a case): as JSON, or as multipart/form-data with 'note', each value as a field and evidence files in 'files' where the definition takes them. The definition says who may send it, and when.");
        group.MapGet("/instances/{id:guid}/evidence/{fileId:guid}", EvidenceAsync)
            .WithSummary("An evidence file sent with a step of the instance (the journal lists them), as an attachment with the type its bytes show.");
    }

    public static Ok<List<DefinitionSummary>> ListDefinitions(WorkflowRegistry registry) =>
        TypedResults.Ok(registry.Definitions.Select(d => new DefinitionSummary(
            d.Definition.Id, d.Definition.Version, d.Definition.Title.Zh, d.Definition.Title.En, d.Definition.Subject, d.Definition.Rules,
            d.Definition.Province, d.Definition.ValidFrom, d.Definition.ValidUntil, d.File, d.ContentHash)).ToList());

    public static async Task<Ok<IReadOnlyList<WorkQueue.Item>>> QueueAsync(WorkQueue queue, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queue.ForAsync(context.Current(), ct));

    public static ContentHttpResult GetDefinition(string id, int version, WorkflowRegistry registry) =>
        registry.Find(id, version) is { } found
            ? TypedResults.Text(found.Json, "application/json")
            : throw RefusalException.NotFound($"Workflow {Text.Cut(id)} v{version}", $"流程 {Text.Cut(id)}（第 {version} 版）");

    public static async Task<Ok<InstanceView>> SignalAsync(Guid id, string signal, HttpRequest request, SendSignal handler, InstanceQueries queries, CancellationToken ct)
    {
        var user = request.HttpContext.Current();
        if (request.HasFormContentType)
        {
            var form = await RequestBodies.ReadFormAsync(request, SignalInputs.FilesField, ct);
            var note = form.TryGetValue(NoteField, out var given) ? given.ToString() : null;
            await handler.HandleAsync(id, signal, string.IsNullOrEmpty(note) ? null : note, RequestBodies.Fields(form, NoteField, SignalInputs.FilesField),
                RequestBodies.Files(form, SignalInputs.FilesField), user, ct);
        }
        else
        {
            await handler.HandleAsync(id, signal, await RequestBodies.ReadJsonAsync<SendSignal.Request>(request, ct) ?? new SendSignal.Request(null, null), user, ct);
        }

        return TypedResults.Ok(await queries.GetAsync(user, id, ct));
    }

    public static async Task<FileStreamHttpResult> EvidenceAsync(Guid id, Guid fileId, InstanceQueries queries, SignalEvidence evidence, HttpContext context, CancellationToken ct)
    {
        var file = await queries.EvidenceAsync(context.Current(), id, fileId, ct);
        // As an attachment, with the type its bytes show (and nosniff on every answer), as plans are served.
        var document = await evidence.OpenAsync(file, ct);
        return TypedResults.File(document.Content, document.ContentType, file.FileName);
    }

    public static async Task<Ok<InstanceView>> GetInstanceAsync(Guid id, InstanceQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));
}
