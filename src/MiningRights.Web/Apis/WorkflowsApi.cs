using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Web.Apis;

public static class WorkflowsApi
{
    public sealed record DefinitionSummary(string Id, int Version, string TitleZh, string TitleEn, IReadOnlyList<string> Rules, string Province, DateOnly ValidFrom, DateOnly ValidUntil, string File, string ContentHash);

    public sealed record JournalView(int Sequence, DateTime AtUtc, string Actor, string Trigger, string? FromState, string ToState, string RuleId, string? Note);

    public sealed record InstanceView(Guid Id, Guid RightId, string DefinitionId, int DefinitionVersion, string DefinitionHash, string State, bool Finished, IReadOnlyDictionary<string, string> Dates, IReadOnlyDictionary<string, string> Values, IReadOnlyList<JournalView> Journal);

    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization();
        group.MapGet("/definitions", ListDefinitions).WithSummary("The workflow definitions loaded at start.");
        group.MapGet("/definitions/{id}/{version:int}", GetDefinition).WithSummary("One definition as loaded (JSON).");
        group.MapGet("/instances/{id:guid}", GetInstanceAsync).WithSummary("An instance with its dates and its journal.");
        group.MapPost("/instances/{id:guid}/signals/{signal}", SignalAsync)
            .WithSummary("Send a signal that carries only a note (e.g. report or verify a construction duty); the definition says who may send it, and when.");
    }

    public static Ok<List<DefinitionSummary>> ListDefinitions(WorkflowRegistry registry) =>
        TypedResults.Ok(registry.Definitions.Select(d => new DefinitionSummary(
            d.Definition.Id, d.Definition.Version, d.Definition.Title.Zh, d.Definition.Title.En, d.Definition.Rules,
            d.Definition.Province, d.Definition.ValidFrom, d.Definition.ValidUntil, d.File, d.ContentHash)).ToList());

    public static Results<ContentHttpResult, NotFound> GetDefinition(string id, int version, WorkflowRegistry registry) =>
        registry.Versions(id).FirstOrDefault(d => d.Definition.Version == version) is { } found
            ? TypedResults.Text(found.Json, "application/json")
            : throw RefusalException.NotFound($"Workflow {id} v{version}");

    public static async Task<Ok<InstanceView>> SignalAsync(Guid id, string signal, SendSignal.Request request, SendSignal handler, MiningRightsDbContext db, RightAccess access, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, signal, request, context.Current(), ct);
        return await GetInstanceAsync(id, db, access, context, ct);
    }

    public static async Task<Ok<InstanceView>> GetInstanceAsync(Guid id, MiningRightsDbContext db, RightAccess access, HttpContext context, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().Include(i => i.Journal).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw RefusalException.NotFound($"Workflow instance {id}");
        await access.GetAsync(context.Current(), instance.RightId, ct);
        var values = new InstanceValues(instance);
        return TypedResults.Ok(new InstanceView(instance.Id, instance.RightId, instance.DefinitionId, instance.DefinitionVersion, instance.DefinitionHash,
            instance.State, instance.Finished, values.Dates, values.Data,
            instance.Journal.OrderBy(j => j.Sequence).Select(j => new JournalView(j.Sequence, j.AtUtc, j.Actor, j.Trigger, j.FromState, j.ToState, j.RuleId, j.Note)).ToList()));
    }
}
