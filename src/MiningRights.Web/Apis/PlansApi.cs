using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Licensing;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

public static class PlansApi
{
    /// <summary>The form field that holds the plan document; every other field is a value the submitPlan signal declares.</summary>
    private const string FileField = "file";

    public sealed record PlanDto(
        Guid Id,
        Guid RightId,
        string FileName,
        string ContentType,
        long SizeBytes,
        string Sha256,
        string SubmittedBy,
        DateTime SubmittedAtUtc,
        bool Late,
        string? MineScale,
        int? ServiceLifeYears,
        string? MiningMethod,
        decimal? DesignCapacity,
        PlanStatus Status,
        string? ReviewedBy,
        DateTime? ReviewedAtUtc,
        string? ReviewNotes,
        DateOnly? ExpertReviewOn,
        string? ExpertPanel);

    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rights/{rightId:guid}/plans").WithTags("Plans").RequireAuthorization();
        group.MapPost("/", SubmitAsync).RequireAuthorization(p => p.RequireRole(Roles.Holder))
            .DescribedAsSignalForm(FileField, SubmitPlan.Signal)
            .WithSummary("The holder submits its plan: a multipart form with the document in 'file' and the values the right's workflow asks for with it (a mining right's plan: 'scale', 'serviceLifeYears', 'miningMethod', 'designCapacity').");
        group.MapGet("/", ListAsync).WithSummary("The plans submitted for the right.");
        group.MapGet("/{planId:guid}/document", DownloadAsync).WithSummary("The plan file as submitted.");
        group.MapPost("/{planId:guid}/decision", DecideAsync).OfferedOn("/rights/{id:guid}", "Decide").RequireAuthorization(p => p.RequireRole(Roles.Authority))
            .WithSummary("The authority approves the exploration implementation plan or returns it with reasons (GS-9d).");
        group.MapPost("/{planId:guid}/expert-review", ExpertReviewAsync).OfferedOn("/rights/{id:guid}", "ExpertReview", shownWhen: "a GS-9e mining plan waits for its expert review").RequireAuthorization(p => p.RequireRole(Roles.Authority))
            .WithSummary("The authority records the expert review of a provisional licence's plan (GS-9e); passed re-issues the licence and starts the construction duties.");
    }

    public static async Task<Created<PlanDto>> SubmitAsync(Guid rightId, HttpRequest request, SubmitPlan handler, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw RefusalException.Invalid(FileField, "Send the plan as multipart/form-data with a 'file' field.", "请以 multipart/form-data 格式发送方案，并将文件放在“file”字段中。");
        }

        var form = await RequestBodies.ReadFormAsync(request, FileField, ct);
        var files = RequestBodies.Files(form, FileField);
        if (files.Count > 1)
        {
            throw RefusalException.Invalid(FileField, "Send one plan document.", "请只发送一份方案文件。");
        }

        // Every other field is a value the workflow's submitPlan signal declares; the runtime checks them.
        var fields = RequestBodies.Fields(form);
        var upload = files.Count == 0 ? null : files[0];
        var plan = await handler.HandleAsync(rightId, new SubmitPlan.Request(upload, fields), request.HttpContext.Current(), ct);
        return TypedResults.Created($"/api/rights/{rightId}/plans/{plan.Id}", ToDto(plan));
    }

    public static async Task<Ok<List<PlanDto>>> ListAsync(Guid rightId, PlanQueries plans, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok((await plans.OfRightAsync(context.Current(), rightId, ct)).Select(ToDto).ToList());

    public static async Task<FileStreamHttpResult> DownloadAsync(Guid rightId, Guid planId, RightAccess access, MiningRightsDbContext db, DocumentStore store, HttpContext context, CancellationToken ct)
    {
        var right = await access.GetAsync(context.Current(), rightId, ct);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.RightId == right.Id, ct)
            ?? throw RefusalException.NotFound($"Plan {planId}", $"方案 {planId}");
        // As an attachment, with the type its bytes show (and nosniff on every answer): a browser saves the file, it
        // never renders an upload inside the service's origin.
        var document = await store.OpenAsync(DocumentArea.Plans, plan.StoragePath, ct);
        return TypedResults.File(document.Content, document.ContentType, plan.FileName);
    }

    public static async Task<Ok<PlanDto>> DecideAsync(Guid rightId, Guid planId, DecidePlan.Request request, DecidePlan handler, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await handler.HandleAsync(rightId, planId, request, context.Current(), ct)));

    public static async Task<Ok<PlanDto>> ExpertReviewAsync(Guid rightId, Guid planId, RecordExpertReview.Request request, RecordExpertReview handler, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await handler.HandleAsync(rightId, planId, request, context.Current(), ct)));

    public static PlanDto ToDto(PlanDocument p) => new(
        p.Id, p.RightId, p.FileName, p.ContentType, p.SizeBytes, p.Sha256, p.SubmittedBy, p.SubmittedAtUtc, p.Late,
        p.MineScale, p.ServiceLifeYears, p.MiningMethod, p.DesignCapacity, p.Status, p.ReviewedBy, p.ReviewedAtUtc,
        p.ReviewNotes, p.ExpertReviewOn, p.ExpertPanel);
}
